#pragma once
// How long before --time-limit a run stops to write its last checkpoint.

namespace slabhydro {

// The margin kept before the time limit: enough for a step and a checkpoint,
// times a safety factor, plus a little for the end of the run.
//   margin = safety * (step + checkpoint) + min(slack_max, slack_fraction * limit)
// step: the longest step measured (the run's first step only until a second
// one is measured: it pays for start-up); checkpoint: the longest checkpoint measured,
// or, before the first, max(unmeasured_checkpoint_steps * step, unmeasured_checkpoint_min).
struct MarginModel {
  double safety = 1.5;
  double slack_max = 5.0;
  double slack_fraction = 0.05;
  double unmeasured_checkpoint_steps = 10.0;
  double unmeasured_checkpoint_min = 0.5;
};
// The checkpoint cost assumed: the longest measured, or the estimate before the first.
double assumed_checkpoint(const MarginModel& m, double step_max, double checkpoint_max,
                          bool checkpoint_measured);
double time_limit_margin(const MarginModel& m, double limit, double step_max, double checkpoint_max,
                         bool checkpoint_measured);

}  // namespace slabhydro
