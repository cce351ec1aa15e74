// Damages a checkpoint the way the tests need, with plain HDF5 calls:
//   h5_tamper poke FILE DATASET J I VALUE   set one value of a 2D float64 dataset
//   h5_tamper drop-attr FILE NAME           delete a root attribute
#include <hdf5.h>

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  const std::string cmd = argc > 1 ? argv[1] : "";
  if (cmd == "poke" && argc == 7) {
    const hid_t f = H5Fopen(argv[2], H5F_ACC_RDWR, H5P_DEFAULT);
    const hid_t d = f < 0 ? -1 : H5Dopen2(f, argv[3], H5P_DEFAULT);
    if (d < 0) return 1;
    const hid_t fs = H5Dget_space(d);
    const hsize_t start[2] = {hsize_t(std::atoll(argv[4])), hsize_t(std::atoll(argv[5]))};
    const hsize_t count[2] = {1, 1};
    H5Sselect_hyperslab(fs, H5S_SELECT_SET, start, nullptr, count, nullptr);
    const hid_t ms = H5Screate_simple(1, count, nullptr);
    const double v = std::atof(argv[6]);
    const herr_t rc = H5Dwrite(d, H5T_NATIVE_DOUBLE, ms, fs, H5P_DEFAULT, &v);
    H5Sclose(ms);
    H5Sclose(fs);
    H5Dclose(d);
    return H5Fclose(f) < 0 || rc < 0 ? 1 : 0;
  }
  if (cmd == "drop-attr" && argc == 4) {
    const hid_t f = H5Fopen(argv[2], H5F_ACC_RDWR, H5P_DEFAULT);
    if (f < 0) return 1;
    const herr_t rc = H5Adelete(f, argv[3]);
    return H5Fclose(f) < 0 || rc < 0 ? 1 : 0;
  }
  std::fprintf(stderr, "usage: h5_tamper poke FILE DATASET J I VALUE | drop-attr FILE NAME\n");
  return 2;
}
