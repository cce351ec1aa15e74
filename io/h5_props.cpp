#include "io/h5_props.hpp"

#include "common/error.hpp"
#include "io/mpi_resources.hpp"

namespace slabhydro {
namespace {
constexpr hsize_t kMetaBlockBytes = 32 * 1024;  // below io.alignment_threshold's default
}  // namespace

H5Plist file_access_plist(MPI_Comm comm, const IoOptions& opt, bool parallel) {
  const char* what = "file access property list";
  H5Plist p{SLABHYDRO_H5_CHECK(H5Pcreate(H5P_FILE_ACCESS), what)};
  if (parallel) {
    const MpiInfo info(opt.hints);  // HDF5 keeps its own duplicate
    SLABHYDRO_H5_CHECK(H5Pset_fapl_mpio(p.get(), comm, info.get()), what);
    SLABHYDRO_H5_CHECK(H5Pset_all_coll_metadata_ops(p.get(), true), what);
    SLABHYDRO_H5_CHECK(H5Pset_coll_metadata_write(p.get(), true), what);
  }
#if (H5_VERS_MAJOR == 1 && H5_VERS_MINOR == 10 && H5_VERS_RELEASE >= 7) || H5_VERSION_GE(1, 12, 1)
  // Lock files as usual, but where the file system cannot (some Lustre and
  // NFS mounts), go on instead of failing to open.
  SLABHYDRO_H5_CHECK(H5Pset_file_locking(p.get(), true, true), what);
#endif
#if H5_VERSION_GE(1, 10, 2)
  SLABHYDRO_H5_CHECK(H5Pset_libver_bounds(p.get(), H5F_LIBVER_V110, H5F_LIBVER_V110), what);
#else
  SLABHYDRO_H5_CHECK(H5Pset_libver_bounds(p.get(), H5F_LIBVER_LATEST, H5F_LIBVER_LATEST), what);
#endif
  if (opt.alignment > 1)
    SLABHYDRO_H5_CHECK(H5Pset_alignment(p.get(), opt.alignment_threshold, opt.alignment), what);
  // Object headers in one block at the start instead of a 2 KiB block after
  // every few datasets: a restart reads them in one piece, and aligned data
  // follow each other without a gap (docs/io-measurements.md, issue 11).
  SLABHYDRO_H5_CHECK(H5Pset_meta_block_size(p.get(), kMetaBlockBytes), what);
  return p;
}

H5Plist dataset_create_plist(const DatasetOptions& d, int ndims) {
  const char* what = "dataset creation property list";
  H5Plist p{SLABHYDRO_H5_CHECK(H5Pcreate(H5P_DATASET_CREATE), what)};
  SLABHYDRO_H5_CHECK(H5Pset_fill_time(p.get(), H5D_FILL_TIME_NEVER), what);
  if (!d.chunk.empty()) {
    if (static_cast<int>(d.chunk.size()) != ndims)
      throw Error("dataset options: chunk has " + std::to_string(d.chunk.size()) +
                  " extents for a dataset of rank " + std::to_string(ndims));
    SLABHYDRO_H5_CHECK(H5Pset_chunk(p.get(), ndims, d.chunk.data()), what);
  }
  if ((d.deflate > 0 || d.szip > 0) && d.chunk.empty())
    throw Error("dataset options: compression needs a chunk shape");
  if (d.deflate > 0)
    SLABHYDRO_H5_CHECK(H5Pset_deflate(p.get(), static_cast<unsigned>(d.deflate)), what);
  if (d.szip > 0)
    SLABHYDRO_H5_CHECK(H5Pset_szip(p.get(), H5_SZIP_NN_OPTION_MASK, static_cast<unsigned>(d.szip)),
                       what);
  return p;
}

H5Plist transfer_plist(TransferMode mode) {
  const char* what = "data transfer property list";
  H5Plist p{SLABHYDRO_H5_CHECK(H5Pcreate(H5P_DATASET_XFER), what)};
  if (mode == TransferMode::collective)
    SLABHYDRO_H5_CHECK(H5Pset_dxpl_mpio(p.get(), H5FD_MPIO_COLLECTIVE), what);
  else if (mode == TransferMode::independent)
    SLABHYDRO_H5_CHECK(H5Pset_dxpl_mpio(p.get(), H5FD_MPIO_INDEPENDENT), what);
  return p;
}

H5Plist link_create_plist() {
  const char* what = "link creation property list";
  H5Plist p{SLABHYDRO_H5_CHECK(H5Pcreate(H5P_LINK_CREATE), what)};
  SLABHYDRO_H5_CHECK(H5Pset_create_intermediate_group(p.get(), 1), what);
  return p;
}

}  // namespace slabhydro
