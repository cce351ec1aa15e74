// fixed_strings IN OUT: copies the HDF5 file IN to OUT with every
// variable-length string attribute of the root group rewritten as a
// fixed-length one (same text, same character set). slabhydro reads both
// kinds; seeds without variable-length strings keep the fuzzer's mutations
// out of HDF5's global heap, whose parser in HDF5 1.10 crashes on most
// corruptions before any slabhydro check runs (README.md). Plain HDF5, no slabhydro.
#include <hdf5.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace {

herr_t collect(hid_t, const char* name, const H5A_info_t*, void* out) {
  static_cast<std::vector<std::string>*>(out)->push_back(name);
  return 0;
}

bool rewrite(hid_t root, const std::string& name) {
  const hid_t a = H5Aopen(root, name.c_str(), H5P_DEFAULT);
  if (a < 0) return false;
  const hid_t t = H5Aget_type(a);
  const hid_t s = H5Aget_space(a);
  bool ok = true, vlen = H5Tget_class(t) == H5T_STRING && H5Tis_variable_str(t) > 0 &&
                         H5Sget_simple_extent_type(s) == H5S_SCALAR;
  std::string text;
  H5T_cset_t cset = H5T_CSET_ASCII;
  if (vlen) {
    cset = H5Tget_cset(t);
    char* p = nullptr;
    ok = H5Aread(a, t, &p) >= 0;
    if (ok && p) text = p;
    if (p) H5free_memory(p);
  }
  H5Sclose(s);
  H5Tclose(t);
  H5Aclose(a);
  if (!vlen || !ok) return ok;
  if (H5Adelete(root, name.c_str()) < 0) return false;
  const hid_t ft = H5Tcopy(H5T_C_S1);
  H5Tset_size(ft, text.size() + 1);
  H5Tset_strpad(ft, H5T_STR_NULLTERM);
  H5Tset_cset(ft, cset);
  const hid_t sp = H5Screate(H5S_SCALAR);
  const hid_t na = H5Acreate2(root, name.c_str(), ft, sp, H5P_DEFAULT, H5P_DEFAULT);
  ok = na >= 0 && H5Awrite(na, ft, text.c_str()) >= 0;
  if (na >= 0) H5Aclose(na);
  H5Sclose(sp);
  H5Tclose(ft);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: fixed_strings IN OUT\n");
    return 2;
  }
  {
    std::ifstream in(argv[1], std::ios::binary);
    std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
    out << in.rdbuf();
    if (!in || !out) {
      std::fprintf(stderr, "fixed_strings: cannot copy %s to %s\n", argv[1], argv[2]);
      return 1;
    }
  }
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const hid_t f = H5Fopen(argv[2], H5F_ACC_RDWR, H5P_DEFAULT);
  if (f < 0) return 1;
  std::vector<std::string> names;
  H5Aiterate2(f, H5_INDEX_NAME, H5_ITER_NATIVE, nullptr, collect, &names);
  int bad = 0;
  for (const std::string& n : names) bad += !rewrite(f, n);
  if (H5Fclose(f) < 0) bad++;
  return bad ? 1 : 0;
}
