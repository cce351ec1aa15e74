#include "app/deck_source.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "io/checkpoint_format.hpp"

namespace slabhydro {
namespace {

// Rank 0: the text of the deck, or throws Error saying why not.
std::string read_local(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    throw Error("cannot open deck '" + path + "': " + std::strerror(errno));
  // A pipe is fine (slabhydro run <(make_deck)); a directory or a device is not.
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode))
    throw Error("cannot read deck '" + path +
                "': " + (S_ISDIR(st.st_mode) ? "a directory" : "not a regular file") +
                ", expected a YAML file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open deck '" + path + "': " + std::strerror(errno));
  std::string text(kMaxDeckBytes + 1, '\0');
  in.read(&text[0], static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw Error("cannot read deck '" + path + "': " + std::strerror(errno));
  if (text.size() > kMaxDeckBytes)
    throw Error("deck '" + path + "' is larger than " + std::to_string(kMaxDeckBytes) +
                " bytes; a deck is a short YAML file");
  return text;
}

}  // namespace

std::string read_deck_text(MPI_Comm comm, const std::string& path) {
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  std::string text;
  agree_on(comm, [&] {
    if (rank == 0) text = read_local(path);
  });
  broadcast(comm, text);
  return text;
}

}  // namespace slabhydro
