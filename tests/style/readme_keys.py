#!/usr/bin/env python3
"""The README's deck key tables are what `slabhydro keys run|bench --markdown`
prints. --check (the test): exit 1 naming the first difference; --write:
rewrite the blocks between the markers

    <!-- BEGIN keys run ... -->   ...   <!-- END keys run -->

Usage: readme_keys.py --check|--write SLABHYDRO README.md
"""
import os
import re
import subprocess
import sys


def generated(binary, command):
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    out = subprocess.run([binary, "keys", command, "--markdown"], env=env, check=True,
                         stdout=subprocess.PIPE, universal_newlines=True).stdout
    return out.strip("\n")


def block(command):
    return re.compile(r"(<!-- BEGIN keys %s[^\n]*-->\n)(.*?)(<!-- END keys %s -->)"
                      % (command, command), re.S)


def main(argv):
    if len(argv) != 4 or argv[1] not in ("--check", "--write"):
        sys.stderr.write(__doc__)
        return 2
    mode, binary, readme = argv[1:]
    text = open(readme, encoding="utf-8").read()
    failures = 0
    for command in ("run", "bench"):
        want = generated(binary, command)
        m = block(command).search(text)
        if not m:
            print("%s: no <!-- BEGIN keys %s --> ... <!-- END keys %s --> block"
                  % (readme, command, command))
            failures += 1
            continue
        have = m.group(2).strip("\n")
        if mode == "--write":
            text = text[:m.start(2)] + want + "\n" + text[m.end(2):]
        elif have != want:
            a, b = have.splitlines(), want.splitlines()
            k = next((n for n in range(max(len(a), len(b)))
                      if n >= len(a) or n >= len(b) or a[n] != b[n]), 0)
            print("%s: the keys %s table differs from `slabhydro keys %s --markdown` at row %d:"
                  % (readme, command, command, k + 1))
            print("  README:    %s" % (a[k] if k < len(a) else "(nothing)"))
            print("  generated: %s" % (b[k] if k < len(b) else "(nothing)"))
            print("  regenerate: tests/style/readme_keys.py --write %s %s" % (binary, readme))
            failures += 1
        else:
            print("ok: keys %s (%d rows)" % (command, len(want.splitlines())))
    if mode == "--write":
        open(readme, "w", encoding="utf-8").write(text)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
