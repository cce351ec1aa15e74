#include "io/slab_file.hpp"

#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "io/path_limits.hpp"

namespace slabhydro {

SlabFile::SlabFile(MPI_Comm comm, const std::string& path, Access access, const IoOptions& opt)
    : path_(path), opt_(opt), comm_(comm) {
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm_.get(), &rank_));
  SLABHYDRO_MPI_CHECK(MPI_Comm_size(comm_.get(), &size_));
  h5_quiet();
  const bool parallel = opt_.mode != TransferMode::serial;
  agree_on(comm_.get(), [&] {
    if (!parallel && rank_ != 0) return;
    const std::string bad = path_problem(path_, parallel ? size_ : 0);
    if (!bad.empty()) throw Error(path_ + ": cannot open: " + bad);
    const H5Plist fapl = file_access_plist(comm_.get(), opt_, parallel);
    if (access == Access::create)
      file_ = H5File{SLABHYDRO_H5_CHECK(
          H5Fcreate(path_.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, fapl.get()), path_)};
    else
      file_ = H5File{SLABHYDRO_H5_CHECK(H5Fopen(path_.c_str(), H5F_ACC_RDONLY, fapl.get()), path_)};
  });
}

void SlabFile::flush() {
  agree_on(comm_.get(), [&] {
    if (!holds_file()) return;
    SLABHYDRO_H5_CHECK(H5Fflush(file_.get(), H5F_SCOPE_GLOBAL), path_);
  });
}

void SlabFile::close() {
  agree_on(comm_.get(), [&] { file_.close(path_); });
}

}  // namespace slabhydro
