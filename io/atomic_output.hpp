#pragma once
// A file that appears complete or not at all. body(f) fills a SlabFile
// created as NAME.<tag>.tmp on every rank of comm; then the file is closed,
// every rank that wrote it fdatasyncs it (one sync for data, metadata and
// the returned reservation), and rank 0 renames it to NAME and fsyncs the
// directory. On failure anywhere the .tmp
// is removed and every rank throws one collective Error naming NAME. A crash
// at any point leaves at most a .tmp, never a NAME that looks complete.
#include <mpi.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "io/slab_file.hpp"

namespace slabhydro {

struct FileStats {
  std::string path;
  std::uint64_t bytes = 0;    // size of the file
  double seconds = 0.0;       // wall time, open to rename (rank 0, after all ranks finished)
  double sync_seconds = 0.0;  // the part spent making it durable: close (HDF5's
                              // metadata), fdatasync, rename, directory fsync
  double mib_per_s() const {
    return seconds > 0 ? double(bytes) / (1024.0 * 1024.0) / seconds : 0.0;
  }
};

// This rank's seconds in each phase of write_atomically.
struct AtomicPhases {
  double open = 0.0;   // the space check and reservation, the file's creation
  double body = 0.0;   // body(f): the datasets and attributes
  double close = 0.0;  // close, fdatasync, rename, directory fsync
  double total = 0.0;
};

struct AtomicWrite {
  // An upper bound of the file's size (0: none). Before HDF5 writes
  // anything, rank 0 checks the free space and allocates that much for the
  // .tmp (file_ops.hpp reserve_space), and every rank learns the outcome: a
  // full disk or quota stops every rank here, with one message, instead of
  // failing on one rank inside HDF5's collective flush, where the others
  // would wait forever.
  std::uint64_t reserve_bytes = 0;
  // To stable storage (fdatasync of the file on the ranks that wrote it, fsync
  // of the directory) around the rename; false only for benchmarks of the
  // page cache.
  bool durable = true;
  AtomicPhases* phases = nullptr;  // if given: this rank's times
};

// The temporary name carries opt.writer_tag.
FileStats write_atomically(MPI_Comm comm, const std::string& path, const IoOptions& opt,
                           const AtomicWrite& how, const std::function<void(SlabFile&)>& body);

// An upper bound of the size of a file holding datasets of these sizes (in
// bytes) and about metadata_bytes of attributes: each dataset of at least
// opt.alignment_threshold bytes may start up to opt.alignment later, and HDF5's
// own structures take less than 8 KiB per dataset and 64 KiB for the file
// beside the attributes (tests/io check real files against it).
std::uint64_t file_size_bound(const IoOptions& opt, const std::vector<std::uint64_t>& datasets,
                              std::uint64_t metadata_bytes);

// "checkpoint out/sod_chk_000010.h5: 1234567 bytes in 0.012 s (sync 0.004 s), 98.1 MiB/s"
std::string describe(const FileStats& s, const char* verb);

}  // namespace slabhydro
