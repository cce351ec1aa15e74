#include "io/library_versions.hpp"

#include <hdf5.h>
#include <mpi.h>

namespace slabhydro {

std::string hdf5_version_text() {
  unsigned maj = 0, min = 0, rel = 0;
  H5get_libversion(&maj, &min, &rel);
  return std::to_string(maj) + "." + std::to_string(min) + "." + std::to_string(rel);
}

std::string mpi_library_text() {
  char buf[MPI_MAX_LIBRARY_VERSION_STRING];
  int len = 0;
  MPI_Get_library_version(buf, &len);
  std::string s(buf, static_cast<std::size_t>(len));
  const auto cut = s.find_first_of(",\n");  // "Open MPI v4.1.4, package: ..."
  if (cut != std::string::npos) s.resize(cut);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\0')) s.pop_back();
  return s;
}

std::string mpi_version_text() {
  int v = 0, sv = 0;
  MPI_Get_version(&v, &sv);
  return std::to_string(v) + "." + std::to_string(sv);
}

}  // namespace slabhydro
