#include "io/lineage.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <random>

#include "common/collective.hpp"
#include "common/mpi_check.hpp"

namespace slabhydro {
namespace {

// 128 bits from the kernel, or from std::random_device mixed with the clock
// and the pid where /dev/urandom cannot be read.
std::string random_hex32() {
  unsigned char b[16] = {};
  std::ifstream in("/dev/urandom", std::ios::binary);
  if (!(in && in.read(reinterpret_cast<char*>(b), sizeof b))) {
    std::random_device rd;
    std::seed_seq seq{
        rd(),
        rd(),
        rd(),
        rd(),
        static_cast<unsigned>(::getpid()),
        static_cast<unsigned>(std::chrono::system_clock::now().time_since_epoch().count())};
    std::mt19937_64 g(seq);
    for (unsigned char& c : b) c = static_cast<unsigned char>(g());
  }
  char hex[33];
  for (int k = 0; k < 16; ++k) std::snprintf(hex + 2 * k, 3, "%02x", b[k]);
  return std::string(hex, 32);
}

int rank_of(MPI_Comm comm) {
  int r = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &r));
  return r;
}

}  // namespace

std::string new_lineage_id(MPI_Comm comm) {
  std::string id = rank_of(comm) == 0 ? random_hex32() : std::string();
  broadcast(comm, id);
  return id;
}

bool valid_lineage_id(const std::string& id) {
  if (id.size() != 32) return false;
  for (char c : id)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string new_writer_tag(MPI_Comm comm) {
  std::string tag = rank_of(comm) == 0
                        ? random_hex32().substr(0, 8) + "-" + std::to_string(::getpid())
                        : std::string();
  broadcast(comm, tag);
  return tag;
}

}  // namespace slabhydro
