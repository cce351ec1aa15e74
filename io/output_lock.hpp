#pragma once
// One live run per output directory and basename: rank 0 holds an advisory
// lock (flock) on OUTDIR/.slabhydro-<basename>.lock for the whole run. The
// kernel drops it when the process ends, however it ends, so a crashed or
// killed run never leaves it stuck. The file holds the holder's host, pid,
// start time and command, for the message a second run gets. Where the file
// system has no locks (ENOLCK, EOPNOTSUPP: some NFS and Lustre mounts), a
// warning says so and the run goes on unprotected.
#include <mpi.h>

#include <string>

namespace slabhydro {

class OutputLock {
 public:
  // Collective: creates `dir` (mkdir -p) and takes the lock, or throws a
  // collective Error naming the other run when it holds the lock.
  OutputLock(MPI_Comm comm, const std::string& dir, const std::string& basename,
             const std::string& command);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace slabhydro
