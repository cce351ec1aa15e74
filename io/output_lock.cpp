#include "io/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <iostream>

#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "io/file_ops.hpp"

namespace slabhydro {
namespace {

std::string host_name() {
  char h[256] = "";
  if (::gethostname(h, sizeof h - 1) != 0) return "?";
  return h;
}

std::string read_holder(int fd) {
  char buf[1024];
  const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  if (n <= 0) return "";
  std::string s(buf, static_cast<std::size_t>(n));
  for (char& c : s)
    if (c == '\n') c = ' ';
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

}  // namespace

OutputLock::OutputLock(MPI_Comm comm, const std::string& dir, const std::string& basename,
                       const std::string& command)
    : path_(join_path(dir, ".slabhydro-" + basename + ".lock")) {
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  agree_on(comm, [&] {
    if (rank != 0) return;
    make_directories(dir);
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw Error("cannot open the lock file '" + path_ + "': " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      const int e = errno;
      if (e == EWOULDBLOCK) {
        const std::string holder = read_holder(fd_);
        ::close(fd_);
        fd_ = -1;
        throw Error("output.dir '" + dir + "' is in use: another slabhydro run is writing " +
                    basename + "_* there (" + (holder.empty() ? "holder unknown" : holder) +
                    "); wait for it to end, or choose another output.dir or output.basename");
      }
      warn("cannot lock " + path_ + " (" + std::strerror(e) +
           "): this file system has no locks, and a second run on the same output.dir and "
           "output.basename would not be refused");
      return;
    }
    const std::time_t t = std::time(nullptr);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    const std::string who = "host " + host_name() + ", pid " + std::to_string(::getpid()) +
                            ", started " + when + ": " + command + "\n";
    if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, who.data(), who.size(), 0) < 0)
      warn("cannot write " + path_ + ": " + std::strerror(errno));
  });
}

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

}  // namespace slabhydro
