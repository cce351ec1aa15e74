# Plot files: float32 dens, velx, vely, pres with an XDMF sidecar (a temporal
# collection of one 3DRectMesh one cell thick) that parses as XML and names
# only existing datasets of the stated shape, and the series shear_plt.xmf of
# every plot file in step order. The checker must reject a sidecar that names
# a missing dataset or a wrong shape, and the old 2DRectMesh. (ParaView itself:
# tests/vis_paraview.)
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
[ -x $PY ] || PY=$(command -v python3) || { echo "python3 not found: skipped"; exit 77; }
CHECK="$PY $SRC/tests/io/check_xdmf.py"

run 3 plot.log run "$DECKS/shear.yaml" --output-dir p --set plot.every_steps=5 \
  --set time.nlim=10 --set io.mode=independent
expect_eq "plot files" "$(ls p/shear_plt_*.xmf | wc -l)" 3
set +e
$CHECK p/shear_plt_*.xmf p/shear_plt.xmf >check.log
rc=$?
set -e
cat check.log
[ $rc = 77 ] && exit 77
[ $rc = 0 ] || fail "the sidecars do not check"
expect_grep "shear_plt.xmf OK (3 grids)" check.log
series=$($PY -c 'import sys, xml.etree.ElementTree as ET
grids = ET.parse(sys.argv[1]).findall("./Domain/Grid/Grid")
print(" ".join(g.get("Name") for g in grids))' p/shear_plt.xmf)
expect_eq "the series" "$series" "shear_plt_000000 shear_plt_000005 shear_plt_000010"
if command -v h5ls >/dev/null; then
  h5ls p/shear_plt_000010.h5/fields/pres | grep -q "Dataset {16, 38}" || fail "pres shape"
  h5dump -H -d /fields/dens p/shear_plt_000010.h5 | grep -q "H5T_IEEE_F32LE" || fail "dens is not float32"
fi

# Broken sidecars must fail.
sed 's#:/fields/dens<#:/fields/nothing<#' p/shear_plt_000010.xmf >p/missing.xmf
sed 's#Dimensions="1 16 38"#Dimensions="1 38 16"#' p/shear_plt_000010.xmf >p/shape.xmf
head -c 200 p/shear_plt_000010.xmf >p/cut.xmf
sed -e 's#3DRectMesh#2DRectMesh#' p/shear_plt_000010.xmf >p/flat.xmf
sed 's#shear_plt_000005.h5#shear_plt_000099.h5#' p/shear_plt.xmf >p/gone_plt.xmf
for bad in missing shape cut flat gone_plt; do
  if $CHECK p/$bad.xmf >$bad.log; then fail "check_xdmf accepted p/$bad.xmf"; fi
done
expect_grep "no such dataset" missing.log
expect_grep "Dimensions" shape.log
expect_grep "not XML" cut.log
expect_grep "not 3DRectMesh" flat.log
expect_grep "no file" gone_plt.log
echo "plot files and XDMF: OK"
