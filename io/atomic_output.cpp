#include "io/atomic_output.hpp"

#include <cstdio>

#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "common/timers.hpp"
#include "io/file_ops.hpp"

namespace slabhydro {

std::uint64_t file_size_bound(const IoOptions& opt, const std::vector<std::uint64_t>& datasets,
                              std::uint64_t metadata_bytes) {
  std::uint64_t total = metadata_bytes + (1u << 16);
  for (const std::uint64_t b : datasets) {
    total += b + (1u << 13);
    if (opt.alignment > 1 && b >= opt.alignment_threshold) total += opt.alignment;
  }
  return total;
}

namespace {
// Rank 0: room for the file, before anything is created.
void check_space(const std::string& path, std::uint64_t bytes) {
  const std::uint64_t free = free_bytes(parent_dir(path));
  if (free < bytes)
    throw Error("not enough space: the file needs up to " + std::to_string(bytes) +
                " bytes, the file system of '" + parent_dir(path) + "' has " +
                std::to_string(free) + " free");
}

// Every rank that wrote the closed .tmp: its data to stable storage. After
// HDF5's close, so that one sync covers the raw data, the metadata HDF5
// writes at close (the superblock last), and the truncate that gave the
// reservation back; with H5Fflush first (MPI_File_sync) and an fsync after
// the close, that was two syncs and on ext4 two journal commits. fdatasync:
// the data and the size, not the timestamps. POSIX, as the rename: the ranks
// of an MPI-IO file each flush what they wrote (what MPI_File_sync does on
// POSIX file systems); serial mode: rank 0 alone wrote.
void sync_written(MPI_Comm comm, int rank, const std::string& tmp, const IoOptions& opt) {
  agree_on(comm, [&] {
    if (rank == 0 || opt.mode != TransferMode::serial) fdatasync_file(tmp);
  });
}

// Rank 0: the finished .tmp becomes NAME; returns its size.
std::uint64_t commit(const std::string& tmp, const std::string& path, const AtomicWrite& how) {
  commit_rename(tmp, path, how.durable);
  return file_size(path);
}

}  // namespace

FileStats write_atomically(MPI_Comm comm, const std::string& path, const IoOptions& opt,
                           const AtomicWrite& how, const std::function<void(SlabFile&)>& body) {
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  const std::string tmp = tmp_name(path, opt.writer_tag);
  FileStats st;
  st.path = path;
  SLABHYDRO_MPI_CHECK(MPI_Barrier(comm));  // time the collective operation, not the skew
  const double t0 = wall_seconds();
  double t_body = t0, t_sync = t0;
  try {
    // The space first: a full disk must not be found inside HDF5's collective calls.
    agree_on(comm, [&] {
      if (rank == 0 && how.reserve_bytes > 0) check_space(path, how.reserve_bytes);
    });
    {
      SlabFile f(comm, tmp, SlabFile::Access::create, opt);
      agree_on(comm, [&] {
        if (rank == 0) reserve_space(tmp, how.reserve_bytes);
      });
      t_body = wall_seconds();
      body(f);
      t_sync = wall_seconds();
      f.close();  // HDF5 writes its metadata, the superblock last
    }
    // The reservation lasted until HDF5 wrote its last byte; what the file
    // did not use goes back before the sync, which makes that durable too.
    agree_on(comm, [&] {
      if (rank == 0 && how.reserve_bytes > 0) release_reserved_space(tmp);
    });
    if (how.durable) sync_written(comm, rank, tmp, opt);
    agree_on(comm, [&] {
      if (rank == 0) st.bytes = commit(tmp, path, how);
    });
  } catch (const Error& e) {
    if (rank == 0) std::remove(tmp.c_str());  // best effort; the error below matters
    if (e.collective()) MPI_Barrier(comm);    // no rank goes on before it is gone
    throw Error(path + " was not written: " + e.what(), e.collective());
  }
  const double t1 = wall_seconds();
  if (how.phases) *how.phases = {t_body - t0, t_sync - t_body, t1 - t_sync, t1 - t0};
  unsigned long long b = st.bytes;
  SLABHYDRO_MPI_CHECK(MPI_Bcast(&b, 1, MPI_UNSIGNED_LONG_LONG, 0, comm));
  st.bytes = b;
  st.seconds = wall_seconds() - t0;
  st.sync_seconds = t1 - t_sync;
  return st;
}

std::string describe(const FileStats& s, const char* verb) {
  char buf[512];
  if (s.sync_seconds > 0)
    std::snprintf(buf, sizeof buf, "%s %s: %llu bytes in %.3f s (sync %.3f s), %.1f MiB/s", verb,
                  s.path.c_str(), static_cast<unsigned long long>(s.bytes), s.seconds,
                  s.sync_seconds, s.mib_per_s());
  else
    std::snprintf(buf, sizeof buf, "%s %s: %llu bytes in %.3f s, %.1f MiB/s", verb, s.path.c_str(),
                  static_cast<unsigned long long>(s.bytes), s.seconds, s.mib_per_s());
  return buf;
}

}  // namespace slabhydro
