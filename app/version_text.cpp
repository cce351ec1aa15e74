#include "app/version_text.hpp"

#include <sstream>

#include "app/git_commit.hpp"
#include "app/version.hpp"
#include "common/mpi_threads.hpp"
#include "decomposition/device_mpi.hpp"
#include "io/library_versions.hpp"
#include "solver/backend.hpp"

namespace slabhydro {

std::string version_text() {
  std::ostringstream os;
  os << "slabhydro " << kVersion << "\n"
     << "  commit      " << kGitCommit << "\n"
     << "  build       " << (*kBuildType ? kBuildType : "(no build type)") << ", " << kCompiler
     << "\n"
     << "  backend     " << backend_text() << "\n";
  if (device_memory_is_separate()) os << "  device MPI  " << device_mpi_description() << "\n";
  os << "  HDF5        " << hdf5_version_text()
     << (hdf5_is_parallel() ? " (parallel)" : " (serial)") << ", filters: " << hdf5_filters_text()
     << "\n"
     << "  MPI         " << mpi_library_text() << ", MPI " << mpi_version_text() << ", "
     << mpi_thread_level_name(provided_mpi_thread_level()) << "\n";
  return os.str();
}

}  // namespace slabhydro
