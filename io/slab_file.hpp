#pragma once
// An HDF5 file shared by the ranks of a communicator for slab I/O in one
// transfer mode (h5_props.hpp). Collective and independent modes: every rank
// opens the file through the MPI-IO driver. Serial mode: only rank 0 opens it
// (POSIX driver); the other ranks take part in the data movement only.
// Construction, flush() and close() are collective over the communicator and
// end in an agreement (collective.hpp): if any rank fails, all throw.
#include <mpi.h>

#include <string>

#include "io/h5_handle.hpp"
#include "io/h5_props.hpp"
#include "io/mpi_resources.hpp"

namespace slabhydro {

class SlabFile {
 public:
  enum class Access { create, read };  // create truncates an existing file

  SlabFile(MPI_Comm comm, const std::string& path, Access access, const IoOptions& opt);
  SlabFile(const SlabFile&) = delete;
  SlabFile& operator=(const SlabFile&) = delete;

  const std::string& path() const { return path_; }
  MPI_Comm comm() const { return comm_.get(); }  // a duplicate of the caller's
  int rank() const { return rank_; }
  int size() const { return size_; }
  const IoOptions& options() const { return opt_; }
  TransferMode mode() const { return opt_.mode; }
  bool holds_file() const { return file_.valid(); }  // false on ranks > 0 in serial mode
  hid_t id() const { return file_.get(); }
  // "path:/object", for error messages.
  std::string where(const std::string& object) const { return path_ + ":" + object; }

  // Flushes HDF5's buffers to the file; through MPI-IO this ends in
  // MPI_File_sync, so every rank's data reaches stable storage.
  void flush();
  void close();

 private:
  std::string path_;
  IoOptions opt_;
  MpiCommDup comm_;
  int rank_ = 0, size_ = 1;
  H5File file_;
};

}  // namespace slabhydro
