#pragma once
// Timed writes and reads of the benchmark's HDF5 files through the core I/O
// layer, on the code path of the checkpoint writer: a SlabFile created as
// NAME.tmp in the chosen transfer mode, one write_slab_field per dataset
// straight from the guarded host planes (hyperslabs, no copy; serial: the
// gather to rank 0), root attributes, flush (MPI_File_sync) and a file fsync
// when asked, close, rename to NAME.
//
// Each phase is timed on every rank; the result is the maximum over the ranks
// of each phase and of the whole (the phases start after a barrier, so the
// slowest rank sets the pace, as in FLASH-IO).
// Every function is collective over `comm`; errors are collective.
#include <mpi.h>

#include <array>
#include <string>
#include <vector>

#include "common/enum_names.hpp"

#include "io/h5_props.hpp"
#include "io/slab_field_io.hpp"

namespace slabhydro {

struct BenchPhases {
  double open = 0.0;        // file create/open
  double transfer = 0.0;    // all the H5Dwrite/H5Dread and the attributes
  double close = 0.0;       // flush + fsync when asked, close, rename
  double total = 0.0;       // open to end of close on the slowest rank
  double attributes = 0.0;  // of transfer: writing the root attributes
  // Metadata (create, attributes, close) against raw data (the datasets).
  double metadata() const { return open + attributes + close; }
  double raw() const { return transfer - attributes; }
};

// Per-rank seconds in, maximum over the ranks out (on every rank).
BenchPhases max_over_ranks(MPI_Comm comm, const BenchPhases& local);

struct BenchWriteOptions {
  IoOptions io;
  DatasetOptions dataset;  // chunk shape already fitted to the datasets
  bool fsync = true;       // flush to stable storage before close
};

// The three files of the benchmark.
enum class BenchFileKind { checkpoint, plot, plot_corners };
constexpr std::array<EnumName<BenchFileKind>, 3> kBenchFileKindNames{
    {{"checkpoint", BenchFileKind::checkpoint},
     {"plot", BenchFileKind::plot},
     {"plot_corners", BenchFileKind::plot_corners}}};
inline const char* to_string(BenchFileKind k) { return name_of(kBenchFileKindNames, k); }

// Root attributes of a benchmark file.
struct BenchFileMeta {
  BenchFileKind kind = BenchFileKind::checkpoint;
  long long nx = 0, ny = 0, ng = 0, nranks = 0;
};
constexpr const char* kBenchFormat = "slabhydro-bench";
constexpr long long kBenchFormatVersion = 1;

// Writes /fields/<names[k]> ([b.ny][b.nx], type T) from planes[k] (host, the
// guarded plane of block b), then the attributes, to `path`.
template <class T>
BenchPhases bench_write_file(MPI_Comm comm, const std::string& path, const BenchWriteOptions& o,
                             const SlabBlock& b, const std::vector<std::string>& names,
                             const std::vector<const T*>& planes, const BenchFileMeta& meta);

// Reads /fields/<names[k]> into the interior of planes[k] restart-style:
// every rank its own columns (block b), in the mode of `io`.
template <class T>
BenchPhases bench_read_file(MPI_Comm comm, const std::string& path, const IoOptions& io,
                            const SlabBlock& b, const std::vector<std::string>& names,
                            const std::vector<T*>& planes);

// Asks the kernel to forget the cached pages of `path` on this node (fsync,
// then posix_fadvise DONTNEED), so the read that follows comes from the
// storage and not from memory. Collective; every rank drops its node's copy.
// Returns false on every rank if it failed anywhere (the read is then cached).
bool drop_file_cache(MPI_Comm comm, const std::string& path);

// Removes the files (rank 0; missing files are fine), then a barrier.
void remove_files(MPI_Comm comm, const std::vector<std::string>& paths);

}  // namespace slabhydro
