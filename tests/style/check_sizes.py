#!/usr/bin/env python3
"""The size rules of slabhydro's sources (README, "Contributing"): no source
file over 300 lines, no function over 60 lines. A function whose body is a
table says so with a comment `// slabhydro:table` on the line before it.

  check_sizes.py SOURCE_DIR [--list]   exit 1 and name every breach; --list:
                                       the 15 longest functions and files

Functions are found by their braces: a `{` that follows a `)` (possibly with
const, noexcept, override, a trailing return type or an initializer list in
between) at namespace or class level opens a body, whose length is counted
from its signature's first line to the closing `}`. Comments and string
literals are blanked first."""
import os
import re
import sys

FOLDERS = ("app", "bench", "common", "decomposition", "io", "solver")
MAX_FILE, MAX_FUNCTION = 300, 60


def blank(text):
    """Comments and string/char literals replaced by spaces (newlines kept)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == 'R' and text.startswith('R"', i):
            m = re.match(r'R"([^(]*)\(', text[i:])
            end = text.find(")" + m.group(1) + '"', i) if m else -1
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            j += 1
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def functions(path):
    raw = open(path, encoding="utf-8").read()
    lines = raw.split("\n")
    text = blank(raw)
    line_of = [0] * (len(text) + 1)
    ln = 1
    for k, ch in enumerate(text):
        line_of[k] = ln
        if ch == "\n":
            ln += 1
    found = []
    stack = []  # (kind, start_line, name)
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "{":
            before = text[max(0, i - 400):i]
            b = before.rstrip()
            is_func = False
            if stack == [] or all(k in ("ns", "class") for k, _, _ in stack):
                tail = re.sub(r"\s+", " ", b)
                # ) const, ) noexcept, ) override, ) -> T, ) : init(...), init{...}
                if re.search(r"\)\s*(const|noexcept|override|final|mutable|\s)*(->\s*[\w:<>,\s&*]+)?$", tail) \
                        or re.search(r"\)\s*:\s*[\w:]+[({].*[)}]$", tail):
                    is_func = not re.search(r"\b(namespace|struct|class|enum|union)\b[^;{}()]*$", tail)
            if is_func:
                # the signature starts after the previous ; { } at this level
                k = i - 1
                depth = 0
                while k >= 0:
                    if text[k] == ")":
                        depth += 1
                    elif text[k] == "(":
                        depth -= 1
                    elif depth == 0 and text[k] in ";{}":
                        break
                    k -= 1
                start = line_of[k + 1] if k + 1 < len(text) else line_of[i]
                while start < line_of[i] and not lines[start - 1].strip():
                    start += 1
                name_m = re.search(r"([\w:~]+)\s*\(", text[k + 1:i])
                stack.append(("func", start, name_m.group(1) if name_m else "?"))
            elif re.search(r"\b(namespace)\b[^;{}]*$", b) or b.endswith("extern \"C\""):
                stack.append(("ns", line_of[i], ""))
            elif re.search(r"\b(class|struct|union)\b[^;{}()]*$", b):
                stack.append(("class", line_of[i], ""))
            else:
                stack.append(("block", line_of[i], ""))
        elif ch == "}":
            if stack:
                kind, start, name = stack.pop()
                if kind == "func":
                    end = line_of[i]
                    prev = lines[start - 2].strip() if start >= 2 else ""
                    table = "slabhydro:table" in prev
                    found.append((end - start + 1, name, start, table))
        i += 1
    return found, len(lines) - (1 if raw.endswith("\n") else 0)


def main():
    src = sys.argv[1]
    listing = "--list" in sys.argv
    bad, funcs, files = [], [], []
    for folder in FOLDERS:
        for dp, _, names in os.walk(os.path.join(src, folder)):
            for n in sorted(names):
                if not n.endswith((".cpp", ".hpp")):
                    continue
                p = os.path.join(dp, n)
                rel = os.path.relpath(p, src)
                fs, nlines = functions(p)
                files.append((nlines, rel))
                if nlines > MAX_FILE:
                    bad.append(f"{rel}: {nlines} lines (at most {MAX_FILE})")
                for length, name, start, table in fs:
                    funcs.append((length, f"{rel}:{start} {name}"))
                    if length > MAX_FUNCTION and not table:
                        bad.append(f"{rel}:{start}: {name} is {length} lines (at most {MAX_FUNCTION})")
    if listing:
        print("longest functions:")
        for length, where in sorted(funcs, reverse=True)[:15]:
            print(f"  {length:4d}  {where}")
        print("longest files:")
        for nlines, rel in sorted(files, reverse=True)[:15]:
            print(f"  {nlines:4d}  {rel}")
    for b in bad:
        print("check_sizes: " + b)
    print(f"check_sizes: {len(files)} files, {len(funcs)} functions, {len(bad)} over the limits")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
