#pragma once
// Agreement on success, so that one rank failing never leaves the others
// waiting in a collective call: each rank runs a step, catching what it
// throws; then all ranks learn (one MPI_Allreduce) whether any failed, and if
// so all throw the same collective slabhydro::Error carrying the message of
// the lowest failing rank. Put one agreement between every local step that
// may fail and the next collective call.
#include <mpi.h>

#include <exception>
#include <string>

namespace slabhydro {

// Rank `root`'s string on every rank of comm (any length).
void broadcast(MPI_Comm comm, std::string& s, int root = 0);

// Throws the collective Error if `local_error` is non-empty on any rank.
void agree(MPI_Comm comm, const std::string& local_error);

// Runs `step` unless `error` already holds a failure, and keeps what it throws
// in `error`: a local step whose failure is reported at the next agreement.
template <class F>
void capture_error(std::string& error, F&& step) {
  if (!error.empty()) return;
  try {
    step();
  } catch (const std::exception& e) {
    error = e.what();
    if (error.empty()) error = "unknown error";
  }
}

template <class F>
void agree_on(MPI_Comm comm, F&& step) {
  std::string err;
  capture_error(err, step);
  agree(comm, err);
}

}  // namespace slabhydro
