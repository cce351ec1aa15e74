#pragma once
// Checkpoint files: the conserved state of every rank in one HDF5 file
// (checkpoint_format.hpp), written atomically in any transfer mode and read
// back on any rank count, each rank reading its own columns.
#include <mpi.h>

#include <string>

#include "io/atomic_output.hpp"
#include "io/checkpoint_meta.hpp"
#include "io/h5_props.hpp"
#include "solver/kokkos_types.hpp"
#include "solver/mesh.hpp"

namespace slabhydro {

class CheckpointWriter {
 public:
  // Keeps u and a host mirror of it, made once: on a host backend the mirror
  // is u itself and the fields go from the guarded array straight to HDF5.
  // snapshot: a host copy of its own instead (Kokkos::create_mirror, one
  // more state in memory on a host backend), which the state may leave
  // behind while a background thread writes it (async_checkpoint.hpp).
  CheckpointWriter(const Slab& slab, const DvceArray3D<double>& u, bool snapshot = false);

  // Collective. meta must be equal on all ranks (state digest, lineage and
  // software version included); format, format_version, nranks, io_mode and
  // written_at are filled in here. capture() then write_captured().
  FileStats write(MPI_Comm comm, const std::string& path, CheckpointMeta meta,
                  const IoOptions& opt);
  // The state as it is now into the host copy (Kokkos, the caller's thread).
  void capture();
  // Collective: the file from the host copy. No Kokkos call: another thread
  // may run it while the caller's thread goes on with u, as long as no
  // other thread calls HDF5 or uses comm meanwhile.
  FileStats write_captured(MPI_Comm comm, const std::string& path, CheckpointMeta meta,
                           const IoOptions& opt) const;
  // Collective: the state digest of the host copy, on the calling thread
  // without Kokkos (decomposition/global_reduce.hpp state_digest_here).
  std::uint64_t captured_digest(MPI_Comm comm) const;
  // Bytes of the host copy that are not u itself (0 where the mirror is u).
  std::size_t extra_bytes() const;

 private:
  Slab slab_;
  DvceArray3D<double> u_;
  HostArray3D<double> host_;
};

// This process alone (serial HDF5), trusting nothing in the file: refuses
// anything but a regular file before opening it, reads every attribute with
// its type and shape checked (throws Error naming the file and attribute),
// lists what is wrong with the values (checksum, ranges: `problems`), and,
// when the mesh values are sane, checks that the fields are hard-linked
// float64 datasets of shape [ny][nx] that HDF5 can read (throws).
CheckpointAttributes examine_checkpoint(const std::string& path);

// What a restart trusts: examine_checkpoint, throwing Error with the first
// problem. An incomplete file (no "complete" mark) is returned with
// complete = false.
CheckpointAttributes read_checkpoint_meta(const std::string& path);

// Collective: every rank reads its columns of the fields into the interior of
// u (guard cells untouched). The file may have been written on any number of
// ranks; the slab's mesh must match the file's [ny][nx].
FileStats read_checkpoint_fields(MPI_Comm comm, const std::string& path, const Slab& slab,
                                 const DvceArray3D<double>& u, const IoOptions& opt);

}  // namespace slabhydro
