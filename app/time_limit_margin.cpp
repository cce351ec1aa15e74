#include "app/time_limit_margin.hpp"

#include <algorithm>

namespace slabhydro {

double assumed_checkpoint(const MarginModel& m, double step_max, double checkpoint_max,
                          bool checkpoint_measured) {
  return checkpoint_measured
             ? checkpoint_max
             : std::max(m.unmeasured_checkpoint_steps * step_max, m.unmeasured_checkpoint_min);
}

double time_limit_margin(const MarginModel& m, double limit, double step_max, double checkpoint_max,
                         bool checkpoint_measured) {
  const double ckpt = assumed_checkpoint(m, step_max, checkpoint_max, checkpoint_measured);
  return m.safety * (step_max + ckpt) + std::min(m.slack_max, m.slack_fraction * limit);
}

}  // namespace slabhydro
