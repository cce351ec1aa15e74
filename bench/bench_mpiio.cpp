#include "bench/bench_mpiio.hpp"

#include <climits>
#include <cstdio>
#include <memory>

#include "common/collective.hpp"
#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "common/timers.hpp"
#include "io/file_ops.hpp"
#include "io/mpi_resources.hpp"

namespace slabhydro {
namespace {

// Closes the file on the unwinding path; close() is the checked one.
class MpiFile {
 public:
  MpiFile(MPI_Comm comm, const std::string& path, int amode, MPI_Info info) {
    SLABHYDRO_MPI_CHECK(MPI_File_open(comm, path.c_str(), amode, info, &fh_));
  }
  ~MpiFile() {
    if (fh_ != MPI_FILE_NULL) MPI_File_close(&fh_);
  }
  MpiFile(const MpiFile&) = delete;
  MpiFile& operator=(const MpiFile&) = delete;
  MPI_File get() const { return fh_; }
  void close() { SLABHYDRO_MPI_CHECK(MPI_File_close(&fh_)); }

 private:
  MPI_File fh_ = MPI_FILE_NULL;
};

MPI_Offset offset_of(MPI_Comm comm, std::size_t bytes, const std::string& path) {
  if (bytes > static_cast<std::size_t>(INT_MAX))
    throw Error(path +
                ": the MPI-IO baseline writes at most 2^31 - 1 bytes per rank, this rank has " +
                std::to_string(bytes) + " (use more ranks)");
  long long mine = static_cast<long long>(bytes), before = 0;
  SLABHYDRO_MPI_CHECK(MPI_Exscan(&mine, &before, 1, MPI_LONG_LONG, MPI_SUM, comm));
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  return rank == 0 ? 0 : static_cast<MPI_Offset>(before);  // Exscan leaves rank 0 undefined
}

std::map<std::string, std::string> info_of(MPI_File fh) {
  std::map<std::string, std::string> out;
  MPI_Info info = MPI_INFO_NULL;
  if (MPI_File_get_info(fh, &info) != MPI_SUCCESS || info == MPI_INFO_NULL) return out;
  int n = 0;
  MPI_Info_get_nkeys(info, &n);
  for (int k = 0; k < n; ++k) {
    char key[MPI_MAX_INFO_KEY + 1] = "";
    MPI_Info_get_nthkey(info, k, key);
    int len = 0, flag = 0;
    MPI_Info_get_valuelen(info, key, &len, &flag);
    if (!flag) continue;
    std::string value(static_cast<std::size_t>(len) + 1, '\0');
    MPI_Info_get(info, key, len + 1, &value[0], &flag);
    value.resize(static_cast<std::size_t>(len));
    out[key] = value;
  }
  MPI_Info_free(&info);
  return out;
}

// Opens, transfers and closes one baseline file, each phase agreed on by every
// rank; the slowest rank's phase times are the measurement.
// A durable write (fsync) takes the steps of the HDF5 files'
// (io/atomic_output.hpp): written as NAME.tmp, MPI_File_sync, close, then rank
// 0 renames it to NAME and fsyncs the directory; the ratio compares the
// libraries, not two different promises about the file.
template <class Transfer>
BenchPhases timed_baseline(MPI_Comm comm, const std::string& path,
                           const std::map<std::string, std::string>& hints, std::size_t bytes,
                           int amode, const char* what, Transfer&& transfer, bool fsync,
                           std::map<std::string, std::string>* info_out) {
  const bool atomic = fsync && (amode & MPI_MODE_CREATE);
  const std::string open_path = atomic ? tmp_name(path) : path;
  int rank = 0;
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm, &rank));
  MPI_Offset off = 0;
  agree_on(comm, [&] { off = offset_of(comm, bytes, path); });
  const MpiInfo info(hints);
  SLABHYDRO_MPI_CHECK(MPI_Barrier(comm));
  BenchPhases t;
  const double t0 = wall_seconds();
  try {
    std::unique_ptr<MpiFile> f;
    agree_on(comm, [&] { f = std::make_unique<MpiFile>(comm, open_path, amode, info.get()); });
    const double t1 = wall_seconds();
    agree_on(comm, [&] { transfer(f->get(), off); });
    const double t2 = wall_seconds();
    if (info_out) *info_out = info_of(f->get());
    agree_on(comm, [&] {
      if (fsync) SLABHYDRO_MPI_CHECK(MPI_File_sync(f->get()));
      f->close();
    });
    agree_on(comm, [&] {
      if (atomic && rank == 0) commit_rename(open_path, path, true);
    });
    const double t3 = wall_seconds();
    t = {t1 - t0, t2 - t1, t3 - t2, t3 - t0, 0.0};
  } catch (const Error& e) {
    throw Error(path + " (MPI-IO baseline) was not " + what + ": " + e.what(), e.collective());
  }
  return max_over_ranks(comm, t);
}

}  // namespace

BenchPhases mpiio_write(MPI_Comm comm, const std::string& path,
                        const std::map<std::string, std::string>& hints, const void* buf,
                        std::size_t bytes, bool fsync,
                        std::map<std::string, std::string>* info_out) {
  return timed_baseline(
      comm, path, hints, bytes, MPI_MODE_CREATE | MPI_MODE_WRONLY, "written",
      [&](MPI_File fh, MPI_Offset off) {
        SLABHYDRO_MPI_CHECK(MPI_File_write_at_all(fh, off, buf, static_cast<int>(bytes), MPI_BYTE,
                                                  MPI_STATUS_IGNORE));
      },
      fsync, info_out);
}

BenchPhases mpiio_read(MPI_Comm comm, const std::string& path,
                       const std::map<std::string, std::string>& hints, void* buf,
                       std::size_t bytes) {
  return timed_baseline(
      comm, path, hints, bytes, MPI_MODE_RDONLY, "read",
      [&](MPI_File fh, MPI_Offset off) {
        MPI_Status st;
        SLABHYDRO_MPI_CHECK(
            MPI_File_read_at_all(fh, off, buf, static_cast<int>(bytes), MPI_BYTE, &st));
        int got = 0;
        SLABHYDRO_MPI_CHECK(MPI_Get_count(&st, MPI_BYTE, &got));
        if (got != static_cast<int>(bytes))
          throw Error("read " + std::to_string(got) + " of " + std::to_string(bytes) + " bytes");
      },
      false, nullptr);
}

}  // namespace slabhydro
