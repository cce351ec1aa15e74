#pragma once
// Every HDF5 property list slabhydro uses is built here, from IoOptions.
#include <hdf5.h>
#include <mpi.h>

#include <array>
#include <map>
#include <string>
#include <vector>

#include "common/enum_names.hpp"
#include "io/h5_handle.hpp"

namespace slabhydro {

// How rank data reaches the file.
//   collective   every rank writes its hyperslab in one collective MPI-IO call
//   independent  every rank writes its hyperslab on its own (MPI-IO, independent)
//   serial       ranks send their interiors to rank 0 (MPI_Send/Recv, in rank
//                order), which alone opens the file (POSIX driver) and writes
//                each by hyperslab: for systems without a parallel file system
enum class TransferMode { collective, independent, serial };
constexpr std::array<EnumName<TransferMode>, 3> kTransferModeNames{
    {{"collective", TransferMode::collective},
     {"independent", TransferMode::independent},
     {"serial", TransferMode::serial}}};
inline const char* to_string(TransferMode m) { return name_of(kTransferModeNames, m); }
// False if `s` names no mode.
inline bool parse_transfer_mode(const std::string& s, TransferMode& m) {
  return value_of(kTransferModeNames, s, m);
}

// The defaults, here only (the deck's io.* defaults are printed from them):
// README, "I/O settings", and docs/io-measurements.md say why.
constexpr hsize_t kDefaultAlignment = 1 << 20;
constexpr hsize_t kDefaultAlignmentThreshold = 1 << 16;

// How the [ny][nx] field datasets of checkpoints, plot files and the bench's
// files are stored (io.chunk, io.deflate, io.szip): io/dataset_layout.hpp
// fits it to a dataset. 1-D coordinate datasets stay contiguous.
enum class ChunkKind {
  none,   // contiguous
  slab,   // one chunk per rank's block: [ny][widest slab's columns]
  shape,  // rows x cols, cut to the dataset
};
// The io.chunk default: one chunk per rank's block. Each rank's part of a
// field is then one contiguous piece of the file instead of one piece per
// row, which measured faster at 2 and 4 ranks (README, "I/O settings";
// docs/io-measurements.md, issue 11).
constexpr ChunkKind kDefaultChunk = ChunkKind::slab;

struct DatasetLayout {
  ChunkKind chunk = kDefaultChunk;
  hsize_t rows = 0, cols = 0;  // chunk == shape
  int deflate = 0;             // gzip level; 0: off
  int szip = 0;                // szip pixels per block (even, 2..32; NN coding); 0: off
  bool filtered() const { return deflate > 0 || szip > 0; }
};

struct IoOptions {
  TransferMode mode = TransferMode::collective;
  std::map<std::string, std::string> hints;  // MPI-IO hints, passed through an MPI_Info
  hsize_t alignment = kDefaultAlignment;     // H5Pset_alignment; 0 or 1: none
  hsize_t alignment_threshold = kDefaultAlignmentThreshold;  // objects this large are aligned
  std::string writer_tag;  // makes temporary names unique to the writer (file_ops.hpp tmp_name)
  DatasetLayout layout;    // the field datasets written
};

// Layout of one dataset: contiguous (chunk empty) or chunked, optionally
// deflated and/or szip-compressed (szip after deflate when both are given).
// Parallel HDF5 writes filtered datasets only collectively.
struct DatasetOptions {
  std::vector<hsize_t> chunk;  // one extent per dimension, or empty
  int deflate = 0;             // 0: off, 1..9: gzip level (needs chunk)
  int szip = 0;                // 0: off, else pixels per block (needs chunk)
};

// File access. parallel: the MPI-IO driver on `comm` with the hints, and
// collective metadata reads and writes; otherwise the default POSIX driver.
// Both: the alignment, file locking that gives way where the file system has
// none (HDF5 >= 1.10.7), and the HDF5 1.10 file format (superblock v3, v2
// object headers: every piece of HDF5's own metadata carries a checksum, so
// a damaged bit is an HDF5 error instead of a wild read), which HDF5 1.10.2
// and later read (h5py, ParaView, VisIt built on them).
H5Plist file_access_plist(MPI_Comm comm, const IoOptions& opt, bool parallel);
// Dataset creation: no fill values ever written (H5D_FILL_TIME_NEVER: some
// parallel HDF5 versions would otherwise write every dataset twice; filtered
// datasets too: parallel HDF5 allocates their chunks early and assembles a
// chunk that several ranks write in parts before compressing it, checked
// on 1-4 ranks by tests/io/layouts.sh), and the layout of DatasetOptions.
H5Plist dataset_create_plist(const DatasetOptions& d, int ndims);
// Data transfer: collective or independent MPI-IO; default for serial.
H5Plist transfer_plist(TransferMode mode);
// Link creation: intermediate groups are created ("/fields/dens" makes /fields).
H5Plist link_create_plist();

}  // namespace slabhydro
