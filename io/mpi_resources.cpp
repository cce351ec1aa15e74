#include "mpi_resources.hpp"

#include "mpi_check.hpp"

namespace slabhydro {

MpiInfo::MpiInfo(const std::map<std::string, std::string>& hints) {
  if (hints.empty()) return;  // MPI_INFO_NULL: the implementation's defaults
  SLABHYDRO_MPI_CHECK(MPI_Info_create(&info_));
  for (const auto& kv : hints)
    SLABHYDRO_MPI_CHECK(MPI_Info_set(info_, kv.first.c_str(), kv.second.c_str()));
}

MpiInfo::~MpiInfo() {
  if (info_ != MPI_INFO_NULL) MPI_Info_free(&info_);
}

MpiCommDup::MpiCommDup(MPI_Comm comm) { SLABHYDRO_MPI_CHECK(MPI_Comm_dup(comm, &comm_)); }

MpiCommDup::~MpiCommDup() {
  if (comm_ != MPI_COMM_NULL) MPI_Comm_free(&comm_);
}

MpiCommDup& MpiCommDup::operator=(MpiCommDup&& o) noexcept {
  if (this != &o) {
    if (comm_ != MPI_COMM_NULL) MPI_Comm_free(&comm_);
    comm_ = std::exchange(o.comm_, MPI_COMM_NULL);
  }
  return *this;
}

}  // namespace slabhydro
