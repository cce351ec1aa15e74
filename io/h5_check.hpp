#pragma once
// Every HDF5 call goes through SLABHYDRO_H5_CHECK(expr, what). A negative
// return throws slabhydro::Error naming `what` (the file or object, e.g.
// "out/sod_chk_000010.h5.tmp:/fields/dens"), the expression, the source file
// and line, and the most specific message of HDF5's error stack. A successful
// call's value is returned, so ids are checked where they are made:
//   H5Dataset d{SLABHYDRO_H5_CHECK(H5Dopen2(file, "/fields/dens", H5P_DEFAULT), where)};
#include <hdf5.h>

#include <string>

namespace slabhydro {

// Stops HDF5 printing its error stack on stderr by itself (the check reports
// errors instead). Idempotent; every file open calls it.
void h5_quiet();

// The innermost (most specific) entry of HDF5's current error stack, as
// "function: message"; clears the stack. Empty if the stack is empty.
std::string h5_error_detail();

[[noreturn]] void h5_fail(const char* expr, const char* file, int line, const std::string& what);

template <class T>
inline T h5_check(T rc, const char* expr, const char* file, int line, const std::string& what) {
  if (rc < 0) h5_fail(expr, file, line, what);
  return rc;
}

}  // namespace slabhydro

#define SLABHYDRO_H5_CHECK(expr, what) \
  ::slabhydro::h5_check((expr), #expr, __FILE__, __LINE__, (what))
