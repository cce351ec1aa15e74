#pragma once
// Asynchronous checkpoints (checkpoint.async): the state is copied once into
// the CheckpointWriter's host snapshot on the caller's thread, and a
// background thread writes the file from it, through the same
// write_atomically as a synchronous checkpoint (.tmp, every rank's part
// complete, then the rename), so the file is the same.
//
// The writer thread uses a communicator of its own (a duplicate made here),
// so its collective calls never meet the time loop's. It needs
// MPI_THREAD_MULTIPLE (common/mpi_threads.hpp). HDF5 is not thread-safe in
// parallel builds: the caller makes no HDF5 call between start() and the
// wait() that follows (Outputs waits before every plot file and checkpoint
// and at the end).
#include <mpi.h>

#include <string>

#include "common/background_task.hpp"
#include "io/checkpoint_io.hpp"
#include "io/mpi_resources.hpp"

namespace slabhydro {

class AsyncCheckpoint {
 public:
  // Collective over comm (duplicates it). writer must hold a snapshot of its
  // own (CheckpointWriter(..., true)) and outlive this.
  AsyncCheckpoint(MPI_Comm comm, CheckpointWriter& writer);

  // Collective: captures the state, then writes `path` in the background.
  // meta.digest is computed there, from the snapshot (the time loop does not
  // wait for it). Throws Error if a write is still busy (wait() first).
  void start(const std::string& path, const CheckpointMeta& meta, const IoOptions& opt);
  // A write was started and not yet waited for.
  bool busy() const { return task_.busy(); }
  // This rank's part of the busy write has ended (never blocks). Once one
  // rank's has, the others' end without waiting for anything else: every
  // rank of a write leaves it together, through its agreements.
  bool ended() const { return task_.ended(); }
  // Collective: joins the busy write; returns its statistics, or throws its
  // (collective) Error on every rank.
  FileStats wait();
  // Seconds of the last write waited for, from the start of the copy to the
  // end of the thread's work (the digest included): what a stop that has to
  // wait for a background write may have to wait.
  double task_seconds() const { return task_seconds_; }

 private:
  MpiCommDup comm_;
  CheckpointWriter& writer_;
  BackgroundTask task_;
  FileStats result_;
  double started_ = 0.0, ended_at_ = 0.0, task_seconds_ = 0.0;
};

}  // namespace slabhydro
