#include "io/h5_attributes.hpp"

#include <algorithm>
#include <vector>

#include "common/error.hpp"
#include "io/h5_handle.hpp"

namespace slabhydro {
namespace {

std::string at(const std::string& what, const std::string& name) {
  return what + " attribute '" + name + "'";
}

void write_scalar(hid_t obj, const std::string& name, hid_t file_type, hid_t mem_type,
                  const void* v, const std::string& what) {
  const std::string w = at(what, name);
  const H5Space space{SLABHYDRO_H5_CHECK(H5Screate(H5S_SCALAR), w)};
  H5Attr a{SLABHYDRO_H5_CHECK(
      H5Acreate2(obj, name.c_str(), file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT), w)};
  SLABHYDRO_H5_CHECK(H5Awrite(a.get(), mem_type, v), w);
  a.close(w);
}

// A fixed-length UTF-8 string type of `bytes` (at least 1), NUL-padded. Not
// variable-length: those live in HDF5's global heap, which has no checksum
// and which HDF5 1.10 reads unsafely when it is damaged; a fixed-length
// string lives in the attribute message, under its object header's checksum.
H5Type utf8_fixed_string(std::size_t bytes, const std::string& w) {
  H5Type t{SLABHYDRO_H5_CHECK(H5Tcopy(H5T_C_S1), w)};
  SLABHYDRO_H5_CHECK(H5Tset_size(t.get(), std::max<std::size_t>(bytes, 1)), w);
  SLABHYDRO_H5_CHECK(H5Tset_strpad(t.get(), H5T_STR_NULLPAD), w);
  SLABHYDRO_H5_CHECK(H5Tset_cset(t.get(), H5T_CSET_UTF8), w);
  return t;
}

// The attribute, opened after checking that it exists and holds a scalar.
H5Attr open_scalar(hid_t obj, const std::string& name, const std::string& w) {
  if (SLABHYDRO_H5_CHECK(H5Aexists(obj, name.c_str()), w) <= 0) throw Error(w + ": missing");
  H5Attr a{SLABHYDRO_H5_CHECK(H5Aopen(obj, name.c_str(), H5P_DEFAULT), w)};
  const H5Space s{SLABHYDRO_H5_CHECK(H5Aget_space(a.get()), w)};
  if (SLABHYDRO_H5_CHECK(H5Sget_simple_extent_type(s.get()), w) != H5S_SCALAR)
    throw Error(w + ": expected a scalar, found " + describe_dataspace(s.get()));
  return a;
}

// Checks the stored type: class and size (and sign for integers).
H5Type checked_type(const H5Attr& a, H5T_class_t cls, std::size_t size, const char* expected,
                    const std::string& w) {
  H5Type t{SLABHYDRO_H5_CHECK(H5Aget_type(a.get()), w)};
  const H5T_class_t c = H5Tget_class(t.get());
  bool ok = c == cls;
  if (ok && size > 0) ok = H5Tget_size(t.get()) == size;
  if (ok && cls == H5T_INTEGER) ok = H5Tget_sign(t.get()) == H5T_SGN_2;
  if (!ok) throw Error(w + ": expected " + expected + ", found " + describe_datatype(t.get()));
  return t;
}

}  // namespace

void write_attribute(hid_t obj, const std::string& name, double v, const std::string& what) {
  write_scalar(obj, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &v, what);
}

void write_attribute(hid_t obj, const std::string& name, long long v, const std::string& what) {
  write_scalar(obj, name, H5T_STD_I64LE, H5T_NATIVE_LLONG, &v, what);
}

void write_attribute(hid_t obj, const std::string& name, const std::string& v,
                     const std::string& what) {
  if (v.find('\0') != std::string::npos)
    throw Error(at(what, name) + ": a string with a NUL byte cannot be stored");
  const H5Type t = utf8_fixed_string(v.size(), at(what, name));
  const std::string padded = v.empty() ? std::string(1, '\0') : v;
  write_scalar(obj, name, t.get(), t.get(), padded.data(), what);
}

bool has_attribute(hid_t obj, const std::string& name, const std::string& what) {
  return SLABHYDRO_H5_CHECK(H5Aexists(obj, name.c_str()), at(what, name)) > 0;
}

double read_double_attribute(hid_t obj, const std::string& name, const std::string& what) {
  const std::string w = at(what, name);
  H5Attr a = open_scalar(obj, name, w);
  checked_type(a, H5T_FLOAT, 8, "a float64", w);
  double v = 0.0;
  SLABHYDRO_H5_CHECK(H5Aread(a.get(), H5T_NATIVE_DOUBLE, &v), w);
  a.close(w);
  return v;
}

long long read_int_attribute(hid_t obj, const std::string& name, const std::string& what) {
  const std::string w = at(what, name);
  H5Attr a = open_scalar(obj, name, w);
  checked_type(a, H5T_INTEGER, 8, "an int64", w);
  long long v = 0;
  SLABHYDRO_H5_CHECK(H5Aread(a.get(), H5T_NATIVE_LLONG, &v), w);
  a.close(w);
  return v;
}

std::string read_string_attribute(hid_t obj, const std::string& name, const std::string& what,
                                  std::size_t max_bytes) {
  const std::string w = at(what, name);
  H5Attr a = open_scalar(obj, name, w);
  const H5Type stored = checked_type(a, H5T_STRING, 0, "a string", w);
  std::string out;
  if (SLABHYDRO_H5_CHECK(H5Tis_variable_str(stored.get()), w) > 0)
    throw Error(w +
                ": a variable-length string; slabhydro files hold fixed-length strings "
                "(HDF5 keeps variable-length ones in a heap without checksums)");
  {
    const std::size_t n = H5Tget_size(stored.get());
    if (n == 0) throw Error(w + ": a string type of size 0");
    if (n > max_bytes)
      throw Error(w + ": a string of " + std::to_string(n) + " bytes, longer than the " +
                  std::to_string(max_bytes) + " allowed");
    std::vector<char> buf(n + 1, '\0');
    SLABHYDRO_H5_CHECK(H5Aread(a.get(), stored.get(), buf.data()), w);
    out = buf.data();  // fixed-length strings may be NUL-padded
  }
  a.close(w);
  return out;
}

std::string describe_dataspace(hid_t space) {
  switch (H5Sget_simple_extent_type(space)) {
    case H5S_SCALAR: return "a scalar";
    case H5S_NULL: return "an empty (null) dataspace";
    case H5S_SIMPLE: break;
    default: return "an unknown dataspace";
  }
  const int rank = H5Sget_simple_extent_ndims(space);
  if (rank < 0 || rank > H5S_MAX_RANK) return "an unreadable dataspace";
  hsize_t dims[H5S_MAX_RANK];
  if (H5Sget_simple_extent_dims(space, dims, nullptr) < 0) return "an unreadable dataspace";
  std::string s = "a " + std::to_string(rank) + "-D array ";
  for (int k = 0; k < rank; ++k) s += "[" + std::to_string(dims[k]) + "]";
  return s;
}

std::string describe_datatype(hid_t type) {
  const std::size_t size = H5Tget_size(type);
  switch (H5Tget_class(type)) {
    case H5T_INTEGER:
      return std::string(H5Tget_sign(type) == H5T_SGN_NONE ? "uint" : "int") +
             std::to_string(8 * size);
    case H5T_FLOAT: return "float" + std::to_string(8 * size);
    case H5T_STRING:
      return H5Tis_variable_str(type) > 0
                 ? "a variable-length string"
                 : "a fixed-length string of " + std::to_string(size) + " bytes";
    case H5T_COMPOUND: return "a compound type";
    case H5T_ARRAY: return "an array type";
    case H5T_VLEN: return "a variable-length sequence";
    case H5T_ENUM: return "an enum";
    case H5T_OPAQUE: return "an opaque type";
    case H5T_REFERENCE: return "a reference";
    case H5T_BITFIELD: return "a bitfield";
    default: return "an unknown type";
  }
}

}  // namespace slabhydro
