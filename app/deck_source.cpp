#include "deck_source.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "error.hpp"
#include "mpi_check.hpp"

namespace slabhydro {

std::string read_deck_text(MPI_Comm comm, const std::string& path) {
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  std::string text, failure;
  if (rank == 0) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      failure = "cannot open deck '" + path + "': " + std::strerror(errno);
    } else {
      std::ostringstream ss;
      ss << in.rdbuf();
      text = ss.str();
    }
  }
  // Broadcast [failure flag, length] then the text or the message.
  long long head[2] = {failure.empty() ? 0 : 1,
                       static_cast<long long>(failure.empty() ? text.size() : failure.size())};
  SLABHYDRO_MPI_CHECK(MPI_Bcast(head, 2, MPI_LONG_LONG, 0, comm));
  std::string& payload = head[0] ? failure : text;
  payload.resize(static_cast<std::size_t>(head[1]));
  if (head[1] > 0)
    SLABHYDRO_MPI_CHECK(MPI_Bcast(&payload[0], static_cast<int>(head[1]), MPI_CHAR, 0, comm));
  if (head[0]) throw Error(failure, true);
  return text;
}

}  // namespace slabhydro
