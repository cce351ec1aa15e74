#include "io/library_versions.hpp"

#include "io/dataset_layout.hpp"

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

bool hdf5_is_parallel() {
#if defined(H5_HAVE_PARALLEL)
  return true;
#else
  return false;
#endif
}

std::string hdf5_filters_text() {
  const struct {
    H5Z_filter_t id;
    const char* name;
  } filters[] = {{H5Z_FILTER_DEFLATE, "deflate"},
                 {H5Z_FILTER_SZIP, "szip"},
                 {H5Z_FILTER_SHUFFLE, "shuffle"},
                 {H5Z_FILTER_FLETCHER32, "fletcher32"}};
  std::string s;
  for (const auto& f : filters) {
    const htri_t avail = H5Zfilter_avail(f.id);
    // szip: "yes" only with its encoder (some builds decode only).
    const bool decode_only = f.id == H5Z_FILTER_SZIP && avail > 0 && !szip_encoder_available();
    s += std::string(s.empty() ? "" : ", ") + f.name +
         (decode_only ? " decode-only"
          : avail > 0 ? " yes"
                      : " no");
  }
  return s;
}

std::string mpi_version_text() {
  int v = 0, sv = 0;
  MPI_Get_version(&v, &sv);
  return std::to_string(v) + "." + std::to_string(sv);
}

}  // namespace slabhydro
