#pragma once
// When a run writes its files: checkpoints every N steps, at each multiple
// of a simulated time, after some wall-clock seconds (the deck's every_wall,
// or with checkpoint.mtbf the Young/Daly interval sqrt(2 C MTBF) from the
// measured mean cost C), and plot files every N steps or simulated time.
// Outputs never shorten a time step: a time cadence fires at the first step
// end at or after each multiple, so cadences do not change the solution.
//
// The step and time cadences are the same on every rank; the wall-clock one
// is rank 0's clock, made collective through the stop poll's one
// MPI_Allreduce (stop_requests.hpp, stop_bits::wall_checkpoint).
#include <string>

#include "app/run_config.hpp"

namespace slabhydro {

// The Young/Daly checkpoint interval sqrt(2 C MTBF) for checkpoint cost C.
double young_daly_interval(double checkpoint_seconds, double mtbf_seconds);

class CheckpointSchedule {
 public:
  CheckpointSchedule(const CheckpointConfig& checkpoint, const Cadence& plot, double now);

  // The step from (t_prev, t] to `step` ended: a step or time cadence is due.
  bool checkpoint_due(long long step, double t_prev, double t) const;
  bool plot_due(long long step, double t_prev, double t) const;
  // Rank 0: a wall-clock checkpoint is due at `now`. estimated_cost: what a
  // checkpoint is taken to cost before one was measured (the Young/Daly
  // interval needs one).
  bool wall_due(double now, double estimated_cost) const;
  // A checkpoint was written at `now` and cost `seconds`: the wall clock
  // starts again, and the Young/Daly interval learns the cost. Returns the
  // line that says the interval, after the first measured checkpoint (else "").
  std::string written(double now, double seconds);

  bool young_daly() const { return cfg_.mtbf > 0 && cfg_.cadence.every_wall <= 0; }

 private:
  double wall_interval(double estimated_cost) const;
  CheckpointConfig cfg_;
  Cadence plot_;
  double last_wall_;
  double cost_sum_ = 0.0;
  long long count_ = 0;
};

}  // namespace slabhydro
