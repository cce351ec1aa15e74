#include "bench/bench_environment.hpp"

#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <sstream>

#include "bench/json_writer.hpp"
#include "common/mpi_check.hpp"

namespace slabhydro {
namespace {

// slabhydro:table
std::string fs_name(unsigned long magic) {
  static const std::map<unsigned long, const char*> names = {
      {0xEF53, "ext4"},      {0x58465342, "xfs"},    {0x01021994, "tmpfs"},
      {0x9123683E, "btrfs"}, {0x6969, "nfs"},        {0x0BD00BD0, "lustre"},
      {0x47504653, "gpfs"},  {0x19830326, "beegfs"}, {0x794C7630, "overlayfs"},
      {0x65735546, "fuse"},  {0xFF534D42, "cifs"},   {0x5346414F, "afs"}};
  const auto it = names.find(magic);
  if (it != names.end()) return it->second;
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%lx", magic);
  return buf;
}

std::string absolute(const std::string& dir) {
  char buf[PATH_MAX];
  return ::realpath(dir.c_str(), buf) ? std::string(buf) : dir;
}

bool on_path(const char* program) {
  const char* path = std::getenv("PATH");
  std::istringstream in(path ? path : "");
  std::string d;
  while (std::getline(in, d, ':'))
    if (!d.empty() && ::access((d + "/" + program).c_str(), X_OK) == 0) return true;
  return false;
}

std::string lustre_stripe(const std::string& dir) {
  if (!on_path("lfs")) return "";
  std::string quoted = "'";  // one shell word, whatever the directory's name holds
  for (const char c : dir) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  const std::string cmd = "lfs getstripe -d " + quoted + "' 2>/dev/null";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return "";
  std::string out;
  char buf[256];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  ::pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

std::vector<std::pair<std::string, int>> gather_hosts(MPI_Comm comm) {
  char name[MPI_MAX_PROCESSOR_NAME] = "";
  int len = 0, rank = 0, size = 1;
  SLABHYDRO_MPI_CHECK(MPI_Get_processor_name(name, &len));
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  SLABHYDRO_MPI_CHECK(MPI_Comm_size(comm, &size));
  std::vector<char> all(rank == 0 ? std::size_t(size) * MPI_MAX_PROCESSOR_NAME : 0);
  SLABHYDRO_MPI_CHECK(MPI_Gather(name, MPI_MAX_PROCESSOR_NAME, MPI_CHAR, all.data(),
                                 MPI_MAX_PROCESSOR_NAME, MPI_CHAR, 0, comm));
  std::vector<std::pair<std::string, int>> hosts;
  for (int r = 0; r < (rank == 0 ? size : 0); ++r) {
    const char* h = &all[std::size_t(r) * MPI_MAX_PROCESSOR_NAME];
    const std::string host(h, strnlen(h, MPI_MAX_PROCESSOR_NAME));
    auto it = hosts.begin();
    while (it != hosts.end() && it->first != host) ++it;
    if (it == hosts.end())
      hosts.emplace_back(host, 1);
    else
      ++it->second;
  }
  return hosts;
}

}  // namespace

std::string utc_now_iso8601() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

BenchEnvironment bench_environment(MPI_Comm comm, const std::string& dir) {
  BenchEnvironment e;
  e.hosts = gather_hosts(comm);
  e.dir = absolute(dir);
  struct statfs fs {};
  if (::statfs(e.dir.c_str(), &fs) == 0) e.fs_type = fs_name(static_cast<unsigned long>(fs.f_type));
  struct statvfs vfs {};
  if (::statvfs(e.dir.c_str(), &vfs) == 0) {
    e.fs_free_bytes = static_cast<unsigned long long>(vfs.f_bavail) * vfs.f_frsize;
    e.fs_size_bytes = static_cast<unsigned long long>(vfs.f_blocks) * vfs.f_frsize;
  }
  e.lustre_stripe = lustre_stripe(e.dir);
  const char* io = std::getenv("OMPI_MCA_io");
  e.mpiio_component = io && *io ? io : "default (the MPI library's choice)";
  return e;
}

int max_ranks_per_node(const BenchEnvironment& e) {
  int m = 0;
  for (const auto& h : e.hosts) m = h.second > m ? h.second : m;
  return m;
}

void json_environment(JsonWriter& j, const BenchEnvironment& e) {
  j.key("environment").begin_object();
  j.key("start").value(e.start_utc).key("end").value(e.end_utc);
  j.key("command_line").value(e.command_line);
  j.key("hosts").begin_array();
  for (const auto& h : e.hosts)
    j.begin_object().key("name").value(h.first).key("ranks").value(h.second).end_object();
  j.end_array();
  j.key("ranks_per_node_max").value(max_ranks_per_node(e));
  j.key("dir").value(e.dir);
  j.key("file_system").value(e.fs_type);
  j.key("free_bytes").value(e.fs_free_bytes).key("size_bytes").value(e.fs_size_bytes);
  j.key("lustre_stripe");
  if (e.lustre_stripe.empty())
    j.null();
  else
    j.value(e.lustre_stripe);
  j.key("mpiio_component").value(e.mpiio_component);
  j.end_object();
}

std::string environment_text(const BenchEnvironment& e) {
  std::ostringstream os;
  os << "  where       " << e.dir << " (" << e.fs_type << ", " << e.fs_free_bytes / (1024 * 1024)
     << " MiB free of " << e.fs_size_bytes / (1024 * 1024) << ")"
     << (e.lustre_stripe.empty() ? "" : ", stripe " + e.lustre_stripe) << "\n"
     << "  hosts       " << e.hosts.size() << " node(s), at most " << max_ranks_per_node(e)
     << " rank(s) per node";
  for (std::size_t k = 0; k < e.hosts.size() && k < 4; ++k)
    os << (k ? ", " : ": ") << e.hosts[k].first << " (" << e.hosts[k].second << ")";
  os << (e.hosts.size() > 4 ? ", ..." : "") << "\n"
     << "  MPI-IO      " << e.mpiio_component << "\n"
     << "  when        " << e.start_utc << " to " << e.end_utc << "\n"
     << "  command     " << e.command_line << "\n";
  return os.str();
}

}  // namespace slabhydro
