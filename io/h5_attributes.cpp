#include "h5_attributes.hpp"

#include <vector>

#include "error.hpp"
#include "h5_handle.hpp"

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

H5Type utf8_vlen_string(const std::string& w) {
  H5Type t{SLABHYDRO_H5_CHECK(H5Tcopy(H5T_C_S1), w)};
  SLABHYDRO_H5_CHECK(H5Tset_size(t.get(), H5T_VARIABLE), w);
  SLABHYDRO_H5_CHECK(H5Tset_cset(t.get(), H5T_CSET_UTF8), w);
  return t;
}

H5Attr open_attr(hid_t obj, const std::string& name, const std::string& w) {
  return H5Attr{SLABHYDRO_H5_CHECK(H5Aopen(obj, name.c_str(), H5P_DEFAULT), w)};
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
  const H5Type t = utf8_vlen_string(at(what, name));
  const char* p = v.c_str();
  write_scalar(obj, name, t.get(), t.get(), &p, what);
}

bool has_attribute(hid_t obj, const std::string& name, const std::string& what) {
  return SLABHYDRO_H5_CHECK(H5Aexists(obj, name.c_str()), at(what, name)) > 0;
}

double read_double_attribute(hid_t obj, const std::string& name, const std::string& what) {
  const std::string w = at(what, name);
  H5Attr a = open_attr(obj, name, w);
  double v = 0.0;
  SLABHYDRO_H5_CHECK(H5Aread(a.get(), H5T_NATIVE_DOUBLE, &v), w);
  a.close(w);
  return v;
}

long long read_int_attribute(hid_t obj, const std::string& name, const std::string& what) {
  const std::string w = at(what, name);
  H5Attr a = open_attr(obj, name, w);
  long long v = 0;
  SLABHYDRO_H5_CHECK(H5Aread(a.get(), H5T_NATIVE_LLONG, &v), w);
  a.close(w);
  return v;
}

std::string read_string_attribute(hid_t obj, const std::string& name, const std::string& what) {
  const std::string w = at(what, name);
  H5Attr a = open_attr(obj, name, w);
  const H5Type stored{SLABHYDRO_H5_CHECK(H5Aget_type(a.get()), w)};
  if (SLABHYDRO_H5_CHECK(H5Tget_class(stored.get()), w) != H5T_STRING)
    throw Error(w + ": expected a string");
  std::string out;
  if (SLABHYDRO_H5_CHECK(H5Tis_variable_str(stored.get()), w) > 0) {
    const H5Type mem{SLABHYDRO_H5_CHECK(H5Tcopy(stored.get()), w)};  // same character set
    char* p = nullptr;
    SLABHYDRO_H5_CHECK(H5Aread(a.get(), mem.get(), &p), w);
    if (p) {
      out = p;
      H5free_memory(p);
    }
  } else {
    const std::size_t n = H5Tget_size(stored.get());
    if (n == 0) throw Error(w + ": H5Tget_size failed");
    std::vector<char> buf(n + 1, '\0');
    SLABHYDRO_H5_CHECK(H5Aread(a.get(), stored.get(), buf.data()), w);
    out = buf.data();
  }
  a.close(w);
  return out;
}

}  // namespace slabhydro
