// fuzz_replay: runs regression inputs (tests/fuzz/regressions/<target>/)
// through the same entry points as the fuzz targets, without libFuzzer or
// sanitizers, so the normal (gcc) build keeps every bug found fixed.
//   fuzz_replay deck FILE|DIR...        each must end in slabhydro::Error
//   fuzz_replay checkpoint FILE|DIR...  read_checkpoint_meta or inspect_file
//                                       must throw slabhydro::Error, neither
//                                       anything else, no HDF5 id left open
// A crash ends the process (ctest runs one input per test). The process
// limits its own address space (FUZZ_REPLAY_MAX_MB, default 4096), so an
// input that makes a reader allocate without bound ends in std::bad_alloc
// (a failure) instead of taking the machine's memory. Exit code: the number
// of inputs that failed (at most 100), 0 if all passed.
#include <dirent.h>
#include <mpi.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <Kokkos_Core.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "tests/fuzz/fuzz_entry.hpp"

namespace {

bool is_dir(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Files directly in dir, sorted, without dot files and README*.
std::vector<std::string> inputs_in(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (const dirent* e = ::readdir(d)) {
      const std::string n = e->d_name;
      if (n.empty() || n[0] == '.' || n.rfind("README", 0) == 0) continue;
      const std::string p = dir + "/" + n;
      if (!is_dir(p)) out.push_back(p);
    }
    ::closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string excerpt(std::string s) {
  if (s.size() > 300) s = s.substr(0, 300) + "...";
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s;
}

// "" if the input passed, else why not.
std::string replay_deck(const std::string& path, std::string& message) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return "cannot read the file";
  const std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const auto in = slabhydro_fuzz::split_deck_input(
      reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  try {
    slabhydro_fuzz::run_deck(in);
  } catch (const slabhydro::Error& e) {
    message = e.what();
    return "";
  } catch (...) {
    return "escaped: " + slabhydro_fuzz::describe_current_exception();
  }
  return "the deck was accepted (expected slabhydro::Error)";
}

std::string replay_checkpoint(const std::string& path, std::string& message) {
  int errors = 0;
  try {
    errors = slabhydro_fuzz::run_checkpoint(path, &message);
  } catch (...) {
    return "escaped: " + slabhydro_fuzz::describe_current_exception();
  }
  const long open = slabhydro_fuzz::open_hdf5_objects();
  if (open != 0) return std::to_string(open) + " HDF5 object id(s) left open";
  if (errors == 0) return "the file was accepted (expected slabhydro::Error)";
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || (std::string(argv[1]) != "deck" && std::string(argv[1]) != "checkpoint")) {
    std::cerr << "usage: fuzz_replay deck|checkpoint FILE|DIR...\n";
    return 2;
  }
  const bool deck = std::string(argv[1]) == "deck";
  std::vector<std::string> files;
  for (int k = 2; k < argc; ++k) {
    if (is_dir(argv[k])) {
      const auto in = inputs_in(argv[k]);
      files.insert(files.end(), in.begin(), in.end());
    } else {
      files.push_back(argv[k]);
    }
  }
  const char* max_mb = std::getenv("FUZZ_REPLAY_MAX_MB");
  long long mb = max_mb && *max_mb ? std::atoll(max_mb) : 4096;
#if defined(__SANITIZE_ADDRESS__)
  mb = 0;  // ASan reserves terabytes of shadow; it has its own allocation limits
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  mb = 0;
#endif
#endif
  if (mb > 0) {
    const rlimit lim{rlim_t(mb) << 20, rlim_t(mb) << 20};
    if (::setrlimit(RLIMIT_AS, &lim) != 0) std::perror("fuzz_replay: setrlimit");
  }
  MPI_Init(&argc, &argv);
  Kokkos::initialize();
  int failed = 0;
  for (const std::string& p : files) {
    std::cout << "replay " << argv[1] << " " << p << " ... " << std::flush;
    std::string message;
    const std::string why = deck ? replay_deck(p, message) : replay_checkpoint(p, message);
    if (why.empty()) {
      std::cout << "ok: slabhydro::Error: " << excerpt(message) << "\n";
    } else {
      std::cout << "FAILED: " << excerpt(why) << "\n";
      ++failed;
    }
  }
  std::cout << files.size() - failed << " of " << files.size() << " inputs passed\n";
  Kokkos::finalize();
  MPI_Finalize();
  return std::min(failed, 100);
}
