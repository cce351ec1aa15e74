#pragma once
// Move-only owners of an MPI_Info built from key/value hints and of a
// duplicated communicator (so the I/O layer's messages cannot collide with
// the caller's tags).
#include <mpi.h>

#include <map>
#include <string>
#include <utility>

namespace slabhydro {

// Empty if MPI takes this hint; else why not: a key of at most
// MPI_MAX_INFO_KEY - 1 characters, a value of 1 to MPI_MAX_INFO_VAL - 1.
std::string hint_problem(const std::string& key, const std::string& value);

class MpiInfo {
 public:
  explicit MpiInfo(const std::map<std::string, std::string>& hints);
  ~MpiInfo();
  MpiInfo(const MpiInfo&) = delete;
  MpiInfo& operator=(const MpiInfo&) = delete;
  MPI_Info get() const { return info_; }

 private:
  MPI_Info info_ = MPI_INFO_NULL;
};

class MpiCommDup {
 public:
  explicit MpiCommDup(MPI_Comm comm);
  ~MpiCommDup();
  MpiCommDup(MpiCommDup&& o) noexcept : comm_(std::exchange(o.comm_, MPI_COMM_NULL)) {}
  MpiCommDup& operator=(MpiCommDup&& o) noexcept;
  MpiCommDup(const MpiCommDup&) = delete;
  MpiCommDup& operator=(const MpiCommDup&) = delete;
  MPI_Comm get() const { return comm_; }

 private:
  MPI_Comm comm_ = MPI_COMM_NULL;
};

}  // namespace slabhydro
