#include "io/path_limits.hpp"

#include <mpi.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <cstring>

#include "io/file_ops.hpp"

namespace slabhydro {
namespace {

long name_max_of(const std::string& dir) {
  // The nearest directory that exists tells the file system.
  std::string d = dir.empty() ? "." : dir;
  for (int k = 0; k < 64 && !file_exists(d); ++k) d = parent_dir(d);
  const long n = ::pathconf(d.c_str(), _PC_NAME_MAX);
  return n > 0 ? n : 255;
}

int digits(int n) {
  int d = 1;
  while (n >= 10) n /= 10, ++d;
  return d;
}

// OMPIO with the lockedfile component in play (see path_limits.hpp).
bool lockedfile_in_play() {
#if defined(OMPI_MAJOR_VERSION)
  const char* io = std::getenv("OMPI_MCA_io");
  if (io && std::strstr(io, "romio") && io[0] != '^') return false;
  const char* fp = std::getenv("OMPI_MCA_sharedfp");
  if (!fp || !*fp) return true;
  const bool listed = std::strstr(fp, "lockedfile") != nullptr;
  return fp[0] == '^' ? !listed : listed;
#else
  return false;
#endif
}

}  // namespace

std::string path_problem(const std::string& path, int nranks) {
  const std::string name = base_name(path);
  const long name_max = name_max_of(parent_dir(path));
  if (long(name.size()) > name_max)
    return "the file name '" + name.substr(0, 40) + "...' is " + std::to_string(name.size()) +
           " characters, longer than the " + std::to_string(name_max) +
           " the file system takes (NAME_MAX)";
  if (path.size() >= PATH_MAX)
    return "the path is " + std::to_string(path.size()) + " characters, longer than the " +
           std::to_string(PATH_MAX - 1) + " the system takes (PATH_MAX)";
  if (nranks > 0 && lockedfile_in_play()) {
    const std::size_t limit = 255 - 10 - std::size_t(digits(nranks - 1));
    if (path.size() > limit)
      return "the path '" + path + "' is " + std::to_string(path.size()) +
             " characters; Open MPI's OMPIO (shared-file-pointer component lockedfile) aborts "
             "on paths longer than " +
             std::to_string(limit) + " on " + std::to_string(nranks) +
             " rank(s) (use a shorter output.dir or output.basename, or set "
             "OMPI_MCA_sharedfp=^lockedfile, or io.mode: serial)";
  }
  return "";
}

void prefer_safe_mpiio_components() {
#if defined(OMPI_MAJOR_VERSION)
  ::setenv("OMPI_MCA_sharedfp", "^lockedfile", 0);  // 0: the user's setting wins
#endif
}

}  // namespace slabhydro
