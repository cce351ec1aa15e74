// libFuzzer target: the checkpoint and plot file readers. Each input is
// written to a temporary file and given to read_checkpoint_meta and then to
// inspect_file (fuzz_entry.hpp), both in this process alone (MPI_COMM_SELF,
// serial HDF5). A bad file must end in slabhydro::Error; any other exception,
// a crash, a sanitizer report, a timeout, running out of memory or an HDF5 id
// left open is a bug.
#include <mpi.h>
#include <unistd.h>

#include <Kokkos_Core.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/error.hpp"
#include "tests/fuzz/fuzz_entry.hpp"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/lsan_interface.h>
#define SLABHYDRO_FUZZ_LSAN 1
#endif
#endif

#ifdef SLABHYDRO_FUZZ_LSAN
// Leaks inside the (uninstrumented) libraries are theirs: HDF5 1.10 loses
// memory on many error paths of a corrupt file (e.g. H5Fopen -> H5G_mkroot),
// Open MPI some per communicator. slabhydro's own leaks of HDF5 ids are found
// by the open-id check below instead.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libhdf5_openmpi.so\nleak:libhdf5.so\nleak:libmpi.so\nleak:libopen-pal.so\n"
         "leak:libopen-rte.so\nleak:mca_\n";
}
#endif

namespace {

std::string g_path;  // the temporary file, one per process

void finish() {
  if (!g_path.empty()) std::remove(g_path.c_str());
    // As in MPI_Init: what Open MPI allocates (and loses) here is not ours.
#ifdef SLABHYDRO_FUZZ_LSAN
  __lsan_disable();
#endif
  if (Kokkos::is_initialized()) Kokkos::finalize();
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (!finalized) MPI_Finalize();
#ifdef SLABHYDRO_FUZZ_LSAN
  __lsan_enable();
#endif
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  slabhydro_fuzz::install_terminate_handler("fuzz_checkpoint");
  // Keep Open MPI's components loaded at MPI_Finalize, so that LeakSanitizer
  // at exit can still name their modules (and the suppressions above match).
  ::setenv("OMPI_MCA_mca_base_component_disable_dlclose", "1", 0);
  // Open MPI keeps (and loses) memory from its initialisation: not ours, and
  // not per input, so LeakSanitizer ignores what is allocated here.
#ifdef SLABHYDRO_FUZZ_LSAN
  __lsan_disable();
#endif
  MPI_Init(nullptr, nullptr);
  Kokkos::initialize();
#ifdef SLABHYDRO_FUZZ_LSAN
  __lsan_enable();
#endif
  const char* dir = std::getenv("TMPDIR");
  g_path = std::string(dir && *dir ? dir : "/tmp") + "/slabhydro_fuzz_checkpoint_" +
           std::to_string(::getpid()) + ".h5";
  std::atexit(finish);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::FILE* f = std::fopen(g_path.c_str(), "wb");
  if (!f || std::fwrite(data, 1, size, f) != size || std::fclose(f) != 0) {
    std::perror(g_path.c_str());
    std::abort();  // not a finding: the harness cannot write its file
  }
  // Catches slabhydro::Error only; anything else ends in the terminate
  // handler, with the stack of the throw.
  (void)slabhydro_fuzz::run_checkpoint(g_path, nullptr);
  const long open = slabhydro_fuzz::open_hdf5_objects();
  if (open != 0) {
    std::fprintf(stderr,
                 "\nfuzz_checkpoint: BUG: %ld HDF5 object id(s) left open after the input\n", open);
    std::abort();
  }
  return 0;
}
