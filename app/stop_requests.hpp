#pragma once
// Requests from outside the run to write a checkpoint ("dump") or to write one
// and stop, and the wall-clock time limit; made collective once per step, so
// that every rank acts at the same step even when one rank alone received a
// signal.
//
//   SIGUSR1, OUTDIR/dump_now        checkpoint at the end of this step, go on
//   SIGTERM, SIGINT, OUTDIR/stop_now checkpoint at the end of this step, stop
//   --time-limit                     stop with a checkpoint before the limit,
//                                    leaving a margin measured from the step
//                                    and checkpoint times
//
// Per step: one MPI_Allreduce (bitwise or) of one int. The signal handlers
// only set sig_atomic_t flags; rank 0 alone looks for the trigger files, at
// most once per StopConfig::file_check_interval seconds, and removes a file
// once the checkpoint it asked for is written (acknowledge).
#include <mpi.h>

#include <functional>
#include <string>

#include "app/stop_signals.hpp"
#include "app/time_limit_margin.hpp"
#include "common/duration.hpp"

namespace slabhydro {

// Why a run stops early; none: it does not.
enum class StopReason { none, time_limit, sigterm, sigint, stop_file };
const char* to_string(StopReason r);  // "time_limit", "SIGTERM", "SIGINT", "stop_now"

// What poll() decided, identical on every rank.
struct StepRequest {
  bool dump = false;  // write a checkpoint at the end of this step
  bool stop = false;  // ... and stop (implies dump)
  StopReason reason = StopReason::none;
  bool wall_checkpoint = false;  // the wall-clock cadence asks for a checkpoint (no message)
  bool write_ended = false;      // a rank's background checkpoint write has ended: collect it
  std::string why;               // for messages: "SIGUSR1", "dump_now", "SIGTERM and stop_now", ...
  int bits = 0;                  // the combined request bits (see stop_requests.cpp)
};

struct StopConfig {
  double time_limit = 0.0;           // seconds of wall clock from the start; 0: none
  std::string dir;                   // where dump_now and stop_now are looked for
  double file_check_interval = 1.0;  // seconds between looks for the files (rank 0)
  bool watch_files = true;
};

class StopRequests {
 public:
  using Clock = std::function<double()>;  // wall-clock seconds
  // t_start: when the time limit started counting (clock's scale).
  StopRequests(MPI_Comm comm, StopConfig cfg, double t_start, Clock clock = {},
               MarginModel model = {});

  // Once per step, on every rank, at the same point of the step. extra:
  // more of this rank's bits to combine (e.g. stop_bits::wall_checkpoint).
  StepRequest poll(int extra = 0);
  // After the checkpoint r asked for is written: removes the trigger files
  // that asked for it (rank 0). Collective only in that every rank calls it.
  void acknowledge(const StepRequest& r);

  // Measurements for the margin, in seconds (rank 0's count).
  void record_step(double seconds);
  void record_checkpoint(double seconds);
  double margin() const;
  // The checkpoint cost the margin assumes: the longest measured, or the
  // estimate before the first.
  double checkpoint_estimate() const;
  double time_limit() const { return cfg_.time_limit; }
  double elapsed() const;
  // Rank 0, once the time limit asked for a stop: the elapsed time and the
  // margin that decided it.
  double decided_elapsed() const { return decided_elapsed_; }
  double decided_margin() const { return decided_margin_; }

 private:
  int local_bits();
  MPI_Comm comm_;
  int rank_ = 0;
  StopConfig cfg_;
  double t_start_;
  Clock clock_;
  MarginModel model_;
  double step_max_ = 0.0, checkpoint_max_ = 0.0;
  long long steps_recorded_ = 0;
  bool checkpoint_measured_ = false;
  double last_file_check_ = -1e300;
  double decided_elapsed_ = 0.0, decided_margin_ = 0.0;
};

// The request bits, exposed for tests.
namespace stop_bits {
constexpr int sigusr1 = 1, dump_file = 2, sigterm = 4, sigint = 8, stop_file = 16, time_limit = 32,
              wall_checkpoint = 64,  // rank 0: the wall-clock checkpoint cadence is due
    write_ended = 128;               // this rank's background checkpoint write has ended
}
// Turns combined bits into a request (pure; the same on every rank).
StepRequest decode_request(int bits);

}  // namespace slabhydro
