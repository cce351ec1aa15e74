# Plot files: float32 dens, velx, vely, pres with an XDMF sidecar that parses
# as XML and names only existing datasets of the stated shape. The checker
# must reject a sidecar that names a missing dataset or a wrong shape.
source "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "python3 not found: skipped"; exit 77; }
CHECK="python3 $SRC/tests/io/check_xdmf.py"

run 3 plot.log run "$DECKS/shear.yaml" --output-dir p --set plot.every_steps=5 \
  --set time.nlim=10 --set io.mode=independent
expect_eq "plot files" "$(ls p/shear_plt_*.xmf | wc -l)" 3
set +e
$CHECK p/shear_plt_*.xmf
rc=$?
set -e
[ $rc = 77 ] && exit 77
[ $rc = 0 ] || fail "the sidecars do not check"
if command -v h5ls >/dev/null; then
  h5ls p/shear_plt_000010.h5/fields/pres | grep -q "Dataset {16, 38}" || fail "pres shape"
  h5dump -H -d /fields/dens p/shear_plt_000010.h5 | grep -q "H5T_IEEE_F32LE" || fail "dens is not float32"
fi

# Broken sidecars must fail.
sed 's#:/fields/dens<#:/fields/nothing<#' p/shear_plt_000010.xmf >p/missing.xmf
sed 's#Dimensions="16 38"#Dimensions="38 16"#' p/shear_plt_000010.xmf >p/shape.xmf
head -c 200 p/shear_plt_000010.xmf >p/cut.xmf
for bad in missing shape cut; do
  if $CHECK p/$bad.xmf >$bad.log; then fail "check_xdmf accepted p/$bad.xmf"; fi
done
expect_grep "no such dataset" missing.log
expect_grep "Dimensions" shape.log
expect_grep "not XML" cut.log
echo "plot files and XDMF: OK"
