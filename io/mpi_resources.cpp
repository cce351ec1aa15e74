#include "io/mpi_resources.hpp"

#include "common/error.hpp"
#include "common/mpi_check.hpp"

namespace slabhydro {

std::string hint_problem(const std::string& key, const std::string& value) {
  const std::string k = key.size() > 40 ? key.substr(0, 37) + "..." : key;
  if (key.empty()) return "a hint needs a name";
  if (key.size() >= std::size_t(MPI_MAX_INFO_KEY))
    return "the hint name '" + k + "' is " + std::to_string(key.size()) +
           " characters; MPI takes at most " + std::to_string(MPI_MAX_INFO_KEY - 1) +
           " (MPI_MAX_INFO_KEY)";
  if (value.empty()) return "the hint '" + k + "' has an empty value";
  if (value.size() >= std::size_t(MPI_MAX_INFO_VAL))
    return "the value of the hint '" + k + "' is " + std::to_string(value.size()) +
           " characters; MPI takes at most " + std::to_string(MPI_MAX_INFO_VAL - 1) +
           " (MPI_MAX_INFO_VAL)";
  return "";
}

MpiInfo::MpiInfo(const std::map<std::string, std::string>& hints) {
  if (hints.empty()) return;  // MPI_INFO_NULL: the implementation's defaults
  SLABHYDRO_MPI_CHECK(MPI_Info_create(&info_));
  for (const auto& kv : hints) {
    const std::string bad = hint_problem(kv.first, kv.second);
    if (!bad.empty()) {
      MPI_Info_free(&info_);
      throw Error("io.hints: " + bad);
    }
    SLABHYDRO_MPI_CHECK(MPI_Info_set(info_, kv.first.c_str(), kv.second.c_str()));
  }
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
