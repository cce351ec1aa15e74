#include "io/async_checkpoint.hpp"

#include "common/error.hpp"
#include "common/timers.hpp"

namespace slabhydro {

AsyncCheckpoint::AsyncCheckpoint(MPI_Comm comm, CheckpointWriter& writer)
    : comm_(comm), writer_(writer) {
  if (writer.extra_bytes() == 0)
    throw Error("internal: an asynchronous checkpoint needs a writer with a snapshot of its own");
}

void AsyncCheckpoint::start(const std::string& path, const CheckpointMeta& meta,
                            const IoOptions& opt) {
  if (busy()) throw Error("internal: an asynchronous checkpoint is still being written");
  started_ = ended_at_ = wall_seconds();  // a failed write leaves 0 s measured
  writer_.capture();
  result_ = FileStats{};
  task_.start([this, path, meta, opt] {
    CheckpointMeta m = meta;
    m.digest = writer_.captured_digest(comm_.get());
    result_ = writer_.write_captured(comm_.get(), path, m, opt);
    ended_at_ = wall_seconds();
  });
}

FileStats AsyncCheckpoint::wait() {
  const bool was_busy = busy();
  task_.wait();
  if (was_busy) task_seconds_ = ended_at_ - started_;
  return result_;
}

}  // namespace slabhydro
