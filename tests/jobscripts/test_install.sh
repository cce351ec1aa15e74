#!/bin/bash
# `cmake --install` puts bin/slabhydro, the decks and the job scripts in the
# prefix, and the installed binary runs from elsewhere on an installed deck
# with nothing from the build or source tree: the same state digest as the
# build tree's binary, and no library resolved from the build tree.
# shellcheck source=lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

build=$(cd -- "$(dirname -- "$BIN")/.." && pwd)
[ -f "$build/CMakeCache.txt" ] || fail "no CMakeCache.txt in $build (the binary's parent)"
prefix=$SCRATCH/prefix
cmake --install "$build" --prefix "$prefix" >"$SCRATCH/install.log" 2>&1 || {
  cat "$SCRATCH/install.log" >&2
  fail "cmake --install"
}

ibin=$prefix/bin/slabhydro
share=$prefix/share/slabhydro
[ -x "$ibin" ] || fail "no executable $ibin"
for f in "$SRC"/inputs/*.yaml; do
  [ -f "$share/inputs/$(basename "$f")" ] || fail "deck $(basename "$f") not installed"
done
for s in slurm/slabhydro.sbatch slurm/resize_example.sh pbs/slabhydro.pbs local/slabhydro-local.sh; do
  [ -x "$share/jobscripts/$s" ] || fail "job script $s not installed as an executable"
  cmp -s "$SRC/jobscripts/$s" "$share/jobscripts/$s" || fail "installed $s differs from the source"
done
for d in README.md LICENSE CITATION.cff; do
  cmp -s "$SRC/$d" "$prefix/share/doc/slabhydro/$d" || fail "$d not installed in share/doc/slabhydro"
done
if [ -d "$SRC/vis" ]; then
  for f in "$SRC"/vis/*.py; do
    cmp -s "$f" "$share/vis/$(basename "$f")" || fail "vis/$(basename "$f") not installed"
  done
fi
pass "installed: bin/slabhydro, $(ls "$share/inputs" | wc -l) decks, job scripts, docs, vis/"

if ldd "$ibin" | grep -F -e "$build" -e "$SRC"; then
  fail "the installed binary loads a library from the build or source tree"
fi

# Run from an unrelated directory, on the installed deck, with a PATH that
# holds only the prefix and the system.
mkdir -p "$SCRATCH/elsewhere"
cd "$SCRATCH/elsewhere" || fail "cd"
small=(--set mesh.nx=64 --set time.tlim=0.05)
env PATH="$prefix/bin:/usr/local/bin:/usr/bin:/bin" \
  "$MPIEXEC" -np 2 slabhydro run "$share/inputs/sod.yaml" --output-dir out "${small[@]}" \
  >installed.log 2>&1 || {
  cat installed.log >&2
  fail "the installed binary failed"
}
run_ref 2 "$SCRATCH/build_tree.log" "$SRC/inputs/sod.yaml" --output-dir "$SCRATCH/out_ref" "${small[@]}"
d_inst=$(digest_of installed.log)
d_ref=$(digest_of "$SCRATCH/build_tree.log")
[ -n "$d_inst" ] && [ "$d_inst" = "$d_ref" ] ||
  fail "installed binary digest '$d_inst' differs from the build tree's '$d_ref'"
pass "the installed binary runs the installed deck from elsewhere: digest $d_inst"

# The installed local job script finds the installed binary by itself.
env PATH="/usr/local/bin:/usr/bin:/bin" bash "$share/jobscripts/local/slabhydro-local.sh" -n 2 \
  -o out_local "$share/inputs/sod.yaml" -- "${small[@]}" >local.log 2>&1 || {
  cat local.log >&2
  fail "the installed slabhydro-local.sh failed"
}
expect_in local.log "binary $prefix/bin/slabhydro,"
expect_in local.log "the run is complete"
[ "$(digest_of local.log)" = "$d_ref" ] || fail "installed slabhydro-local.sh: digest $(digest_of local.log)"
pass "the installed slabhydro-local.sh runs bin/slabhydro of its prefix"

"$ibin" --version >version.log 2>&1 || fail "slabhydro --version"
expect_in version.log "slabhydro "
pass "installed slabhydro --version: $(cat version.log)"
