// Reads a checkpoint written by `slabhydro run tests/io/decks/tube.yaml` with
// plain serial HDF5 calls and nothing of slabhydro, and checks names,
// shapes, types, attributes and values against the file format in README.md.
//   check_checkpoint_plain FILE EXPECTED_DIGEST EXPECTED_NRANKS EXPECTED_MODE
// Exit 0 if every check passes; each failure is printed. The metadata
// checksum is recomputed here from the README's definition alone.
#include <hdf5.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
  if (!ok) {
    std::fprintf(stderr, "FAIL: %s\n", what.c_str());
    ++failures;
  }
}

bool near(double a, double b) { return std::fabs(a - b) <= 1e-14 * std::fmax(1.0, std::fabs(b)); }

std::string str_attr(hid_t f, const char* name) {
  if (H5Aexists(f, name) <= 0) {
    check(false, std::string("attribute ") + name + " exists");
    return "";
  }
  const hid_t a = H5Aopen(f, name, H5P_DEFAULT);
  const hid_t t = H5Aget_type(a);
  std::string out;
  check(H5Tget_class(t) == H5T_STRING, std::string(name) + " is a string");
  check(H5Tis_variable_str(t) == 0, std::string(name) + " is a fixed-length string");
  if (H5Tis_variable_str(t) == 0) {
    std::vector<char> buf(H5Tget_size(t) + 1, '\0');
    if (H5Aread(a, t, buf.data()) >= 0) out = buf.data();
  }
  H5Tclose(t);
  H5Aclose(a);
  return out;
}

template <class T>
T num_attr(hid_t f, const char* name, hid_t mem, H5T_class_t cls) {
  T v{};
  if (H5Aexists(f, name) <= 0) {
    check(false, std::string("attribute ") + name + " exists");
    return v;
  }
  const hid_t a = H5Aopen(f, name, H5P_DEFAULT);
  const hid_t t = H5Aget_type(a);
  const hid_t s = H5Aget_space(a);
  check(H5Tget_class(t) == cls && H5Tget_size(t) == 8, std::string(name) + " is a 64-bit number");
  check(H5Sget_simple_extent_type(s) == H5S_SCALAR, std::string(name) + " is scalar");
  check(H5Aread(a, mem, &v) >= 0, std::string("read ") + name);
  H5Sclose(s);
  H5Tclose(t);
  H5Aclose(a);
  return v;
}

std::vector<double> dataset(hid_t f, const char* name, std::vector<hsize_t> want) {
  std::vector<double> v;
  if (H5Lexists(f, "/fields", H5P_DEFAULT) <= 0 || H5Lexists(f, "/coordinates", H5P_DEFAULT) <= 0 ||
      H5Lexists(f, name, H5P_DEFAULT) <= 0) {
    check(false, std::string("dataset ") + name + " exists");
    return v;
  }
  const hid_t d = H5Dopen2(f, name, H5P_DEFAULT);
  const hid_t t = H5Dget_type(d);
  const hid_t s = H5Dget_space(d);
  check(H5Tequal(t, H5T_IEEE_F64LE) > 0, std::string(name) + " is float64 little-endian");
  const int rank = H5Sget_simple_extent_ndims(s);
  std::vector<hsize_t> dims(rank > 0 ? rank : 0);
  if (rank > 0) H5Sget_simple_extent_dims(s, dims.data(), nullptr);
  check(dims == want, std::string(name) + " has the expected shape");
  if (dims == want) {
    v.resize(H5Sget_simple_extent_npoints(s));
    check(H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()) >= 0,
          std::string("read ") + name);
  }
  H5Sclose(s);
  H5Tclose(t);
  H5Dclose(d);
  return v;
}

// The README's "meta_checksum": M = splitmix-style mix, B = bytes.
std::uint64_t mix(std::uint64_t h, std::uint64_t x) {
  std::uint64_t z = h ^ (x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
std::uint64_t mix_bytes(std::uint64_t h, const std::string& s) {
  h = mix(h, s.size());
  for (std::size_t k = 0; k < s.size(); k += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + k, std::min<std::size_t>(8, s.size() - k));  // little-endian host
    h = mix(h, w);
  }
  return h;
}
std::string metadata_checksum(hid_t f) {
  std::vector<std::string> names = {"boundary_x1_inner",
                                    "boundary_x1_outer",
                                    "boundary_x2_inner",
                                    "boundary_x2_outer",
                                    "deck",
                                    "dt",
                                    "format",
                                    "format_version",
                                    "gamma",
                                    "io_mode",
                                    "lineage",
                                    "nranks",
                                    "nx",
                                    "ny",
                                    "problem",
                                    "software_version",
                                    "state_digest",
                                    "step",
                                    "time",
                                    "written_at",
                                    "x1max",
                                    "x1min",
                                    "x2max",
                                    "x2min"};
  std::sort(names.begin(), names.end());
  std::uint64_t h = 0x6d65746164617461ULL;
  for (const std::string& n : names) {
    h = mix_bytes(h, n);
    if (H5Aexists(f, n.c_str()) <= 0) return "missing " + n;
    const hid_t a = H5Aopen(f, n.c_str(), H5P_DEFAULT);
    const hid_t t = H5Aget_type(a);
    const H5T_class_t c = H5Tget_class(t);
    H5Tclose(t);
    H5Aclose(a);
    if (c == H5T_FLOAT) {
      const double v = num_attr<double>(f, n.c_str(), H5T_NATIVE_DOUBLE, H5T_FLOAT);
      std::uint64_t b;
      std::memcpy(&b, &v, 8);
      h = mix(mix(h, 1), b);
    } else if (c == H5T_INTEGER) {
      h = mix(mix(h, 2),
              std::uint64_t(num_attr<long long>(f, n.c_str(), H5T_NATIVE_LLONG, H5T_INTEGER)));
    } else {
      h = mix_bytes(mix(h, 3), str_attr(f, n.c_str()));
    }
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

bool all_hex(const std::string& s, std::size_t n) {
  return s.size() == n && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s FILE EXPECTED_DIGEST NRANKS MODE\n", argv[0]);
    return 2;
  }
  const hid_t f = H5Fopen(argv[1], H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) {
    std::fprintf(stderr, "FAIL: cannot open %s\n", argv[1]);
    return 1;
  }
  const long long nx = 38, ny = 5;
  // Root attributes.
  check(str_attr(f, "format") == "slabhydro-checkpoint", "format");
  check(num_attr<long long>(f, "format_version", H5T_NATIVE_LLONG, H5T_INTEGER) == 2,
        "format_version");
  check(all_hex(str_attr(f, "lineage"), 32), "lineage is 32 hex digits");
  check(str_attr(f, "meta_checksum") == metadata_checksum(f),
        "meta_checksum is the README's checksum of the attributes");
  // The HDF5 1.10 format: a checksummed superblock (version 2 or 3).
  H5F_info2_t info;
  check(H5Fget_info2(f, &info) >= 0 && info.super.version >= 2, "superblock version >= 2");
  check(num_attr<double>(f, "time", H5T_NATIVE_DOUBLE, H5T_FLOAT) == 0.0, "time");
  check(num_attr<long long>(f, "step", H5T_NATIVE_LLONG, H5T_INTEGER) == 0, "step");
  check(num_attr<double>(f, "dt", H5T_NATIVE_DOUBLE, H5T_FLOAT) == 0.0, "dt");
  check(num_attr<long long>(f, "nx", H5T_NATIVE_LLONG, H5T_INTEGER) == nx, "nx");
  check(num_attr<long long>(f, "ny", H5T_NATIVE_LLONG, H5T_INTEGER) == ny, "ny");
  check(num_attr<double>(f, "x1min", H5T_NATIVE_DOUBLE, H5T_FLOAT) == 0.0, "x1min");
  check(num_attr<double>(f, "x1max", H5T_NATIVE_DOUBLE, H5T_FLOAT) == 1.0, "x1max");
  check(num_attr<double>(f, "x2min", H5T_NATIVE_DOUBLE, H5T_FLOAT) == 0.0, "x2min");
  check(num_attr<double>(f, "x2max", H5T_NATIVE_DOUBLE, H5T_FLOAT) == 0.25, "x2max");
  check(str_attr(f, "boundary_x1_inner") == "outflow", "boundary_x1_inner");
  check(str_attr(f, "boundary_x1_outer") == "reflecting", "boundary_x1_outer");
  check(str_attr(f, "boundary_x2_inner") == "periodic", "boundary_x2_inner");
  check(str_attr(f, "boundary_x2_outer") == "periodic", "boundary_x2_outer");
  check(num_attr<double>(f, "gamma", H5T_NATIVE_DOUBLE, H5T_FLOAT) == 1.4, "gamma");
  check(str_attr(f, "problem") == "sod", "problem");
  const std::string deck = str_attr(f, "deck");
  check(deck.find("nx: 38") != std::string::npos, "deck holds the mesh");
  check(deck.find("x0: 0.5") != std::string::npos, "deck holds the problem");
  check(deck.find("dir:") != std::string::npos, "deck holds the --output-dir override");
  check(str_attr(f, "software_version").rfind("slabhydro ", 0) == 0, "software_version");
  check(num_attr<long long>(f, "nranks", H5T_NATIVE_LLONG, H5T_INTEGER) == std::atoll(argv[3]),
        "nranks");
  check(str_attr(f, "io_mode") == argv[4], "io_mode");
  check(str_attr(f, "written_at").size() == 20, "written_at is YYYY-MM-DDTHH:MM:SSZ");
  check(str_attr(f, "state_digest") == argv[2], "state_digest equals the digest the run printed");
  check(num_attr<long long>(f, "complete", H5T_NATIVE_LLONG, H5T_INTEGER) == 1, "complete");

  // Coordinates: cell centres.
  const std::vector<double> x = dataset(f, "/coordinates/x", {hsize_t(nx)});
  const std::vector<double> y = dataset(f, "/coordinates/y", {hsize_t(ny)});
  for (long long i = 0; i < (long long)x.size(); ++i) check(near(x[i], (i + 0.5) / nx), "x centre");
  for (long long j = 0; j < (long long)y.size(); ++j)
    check(near(y[j], 0.25 * (j + 0.5) / ny), "y centre");

  // Fields: [ny][nx], x fastest. Sod at t = 0: the left half (x < 0.5)
  // holds (rho, p) = (1, 1), the right half (0.125, 0.1), at rest.
  const std::vector<double> d = dataset(f, "/fields/dens", {hsize_t(ny), hsize_t(nx)});
  const std::vector<double> mx = dataset(f, "/fields/momx", {hsize_t(ny), hsize_t(nx)});
  const std::vector<double> my = dataset(f, "/fields/momy", {hsize_t(ny), hsize_t(nx)});
  const std::vector<double> e = dataset(f, "/fields/ener", {hsize_t(ny), hsize_t(nx)});
  int bad = 0;
  if (!d.empty() && !mx.empty() && !my.empty() && !e.empty())
    for (long long j = 0; j < ny; ++j)
      for (long long i = 0; i < nx; ++i) {
        const std::size_t k = std::size_t(j * nx + i);
        const bool left = i < nx / 2;
        bad += d[k] != (left ? 1.0 : 0.125);
        bad += mx[k] != 0.0 || my[k] != 0.0;
        bad += !near(e[k], left ? 1.0 / 0.4 : 0.1 / 0.4);
      }
  check(bad == 0, "field values of the Sod initial state (" + std::to_string(bad) + " wrong)");
  H5Fclose(f);
  if (failures == 0) std::printf("check_checkpoint_plain: %s OK\n", argv[1]);
  return failures == 0 ? 0 : 1;
}
