#pragma once
// slabhydro's core HDF5 layer: everything a writer of slab-decomposed fields
// needs, reusable by checkpoints, plot files and the I/O benchmark.
//
//   h5_check.hpp     SLABHYDRO_H5_CHECK(expr, what): every HDF5 call checked;
//                    errors name the object, expression, source line and
//                    HDF5's own message.
//   h5_handle.hpp    H5Handle<&H5Xclose>: move-only RAII ids (H5File,
//                    H5Dataset, H5Space, H5Plist, H5Attr, H5Type, H5Group).
//   h5_props.hpp     IoOptions {mode, MPI-IO hints, alignment} and
//                    DatasetOptions {chunk, deflate}; all property lists
//                    (MPI-IO + collective metadata, alignment, no fill).
//   collective.hpp   agree()/agree_on(): one failing rank makes all ranks
//                    throw the same collective Error instead of hanging.
//   slab_file.hpp    SlabFile(comm, path, create|read, IoOptions): the file in
//                    one transfer mode (collective | independent | serial).
//   slab_field_io.hpp write_slab_field / read_slab_field: a rank's columns of
//                    a [ny][nx] dataset straight from/to a guarded plane
//                    (hyperslabs, no copy; serial: gathered to rank 0).
//   slab_view_io.hpp The same for the variables of a Kokkos host view
//                    u(var, j, i) shaped like a Slab.
//   h5_attributes.hpp Scalar float64 / int64 / UTF-8 string attributes.
//   file_ops.hpp     NAME.tmp, fsync, rename + directory fsync, listing.
//   atomic_output.hpp write_atomically(comm, path, opt, body): body fills a
//                    SlabFile made as NAME.tmp; flush, close, fsync, rename
//                    by rank 0 only if all ranks succeeded; FileStats
//                    {bytes, seconds, sync_seconds} for the "MiB/s" line.
//
// A file with four fields of a slab, on every rank of `comm`:
//   IoOptions opt;                                  // collective by default
//   auto h = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), u);
//   FileStats st = write_atomically(comm, path, opt, [&](SlabFile& f) {
//     write_slab_vars(f, {"/fields/dens", "/fields/momx", "/fields/momy", "/fields/ener"},
//                     slab, h);                   // DatasetOptions{chunk, deflate} optional
//     agree_on(f.comm(), [&] { if (f.holds_file()) write_attribute(f.id(), "time", t, path); });
//   });
// Reading on any rank count: SlabFile(comm, path, SlabFile::Access::read, opt)
// and read_slab_vars / read_slab_field with this rank's block.
// Every call is collective over the file's communicator.
#include "common/collective.hpp"
#include "io/atomic_output.hpp"
#include "io/file_ops.hpp"
#include "io/h5_attributes.hpp"
#include "io/h5_check.hpp"
#include "io/h5_handle.hpp"
#include "io/h5_props.hpp"
#include "io/slab_field_io.hpp"
#include "io/slab_file.hpp"
#include "io/slab_view_io.hpp"
