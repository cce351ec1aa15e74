#pragma once
// Scalar attributes of an HDF5 object (a file's root group, a dataset):
// float64, int64 and fixed-length UTF-8 strings (NUL-padded). With the MPI-IO driver
// every rank must write the same attributes with the same values.
// `what` names the object in errors.
//
// Reading trusts nothing: before a value is read, the attribute must hold a
// scalar (not an array, not an empty dataspace) of the class and size asked
// for (float64, a signed 64-bit integer, or a string of at most max_bytes);
// anything else throws Error naming the attribute and what was found.
#include <hdf5.h>

#include <cstddef>
#include <string>

namespace slabhydro {

void write_attribute(hid_t obj, const std::string& name, double v, const std::string& what);
void write_attribute(hid_t obj, const std::string& name, long long v, const std::string& what);
void write_attribute(hid_t obj, const std::string& name, const std::string& v,
                     const std::string& what);

bool has_attribute(hid_t obj, const std::string& name, const std::string& what);
double read_double_attribute(hid_t obj, const std::string& name, const std::string& what);
long long read_int_attribute(hid_t obj, const std::string& name, const std::string& what);
// A fixed-length string of at most max_bytes bytes (up to its first NUL);
// variable-length strings are refused (h5_attributes.cpp says why).
constexpr std::size_t kShortString = 4096;
std::string read_string_attribute(hid_t obj, const std::string& name, const std::string& what,
                                  std::size_t max_bytes = kShortString);

// "a 1-D array [2]", "an empty (null) dataspace", "a scalar": for messages.
std::string describe_dataspace(hid_t space);
// "float64", "int32", "a variable-length string", "a compound type", ...
std::string describe_datatype(hid_t type);

}  // namespace slabhydro
