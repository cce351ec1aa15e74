#pragma once
// Scalar attributes of an HDF5 object (a file's root group, a dataset):
// float64, int64 and UTF-8 variable-length strings. With the MPI-IO driver
// every rank must write the same attributes with the same values.
// `what` names the object in errors.
#include <hdf5.h>

#include <string>

namespace slabhydro {

void write_attribute(hid_t obj, const std::string& name, double v, const std::string& what);
void write_attribute(hid_t obj, const std::string& name, long long v, const std::string& what);
void write_attribute(hid_t obj, const std::string& name, const std::string& v,
                     const std::string& what);

bool has_attribute(hid_t obj, const std::string& name, const std::string& what);
double read_double_attribute(hid_t obj, const std::string& name, const std::string& what);
long long read_int_attribute(hid_t obj, const std::string& name, const std::string& what);
// Variable- or fixed-length strings.
std::string read_string_attribute(hid_t obj, const std::string& name, const std::string& what);

}  // namespace slabhydro
