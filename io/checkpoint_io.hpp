#pragma once
// Checkpoint files: the conserved state of every rank in one HDF5 file
// (checkpoint_format.hpp), written atomically in any transfer mode and read
// back on any rank count, each rank reading its own columns.
#include <mpi.h>

#include <string>

#include "atomic_output.hpp"
#include "checkpoint_meta.hpp"
#include "h5_props.hpp"
#include "kokkos_types.hpp"
#include "mesh.hpp"

namespace slabhydro {

class CheckpointWriter {
 public:
  // Keeps u and a host mirror of it, made once: on a host backend the mirror
  // is u itself and the fields go from the guarded array straight to HDF5.
  CheckpointWriter(const Slab& slab, const DvceArray3D<double>& u);

  // Collective. meta must be equal on all ranks (state digest and software
  // version included); format, format_version, nranks, io_mode and
  // written_at are filled in here.
  FileStats write(MPI_Comm comm, const std::string& path, CheckpointMeta meta,
                  const IoOptions& opt);

 private:
  Slab slab_;
  DvceArray3D<double> u_;
  HostArray3D<double> host_;
};

// This process alone (serial HDF5): the metadata of a checkpoint, after
// checking that the fields are there with shape [ny][nx]. Throws a local
// Error saying why a file is not a readable checkpoint. An incomplete file
// (no "complete" mark) is returned with complete = false.
CheckpointMeta read_checkpoint_meta(const std::string& path);

// Collective: every rank reads its columns of the fields into the interior of
// u (guard cells untouched). The file may have been written on any number of
// ranks; the slab's mesh must match the file's [ny][nx].
FileStats read_checkpoint_fields(MPI_Comm comm, const std::string& path, const Slab& slab,
                                 const DvceArray3D<double>& u, const IoOptions& opt);

}  // namespace slabhydro
