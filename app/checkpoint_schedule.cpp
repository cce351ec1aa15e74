#include "app/checkpoint_schedule.hpp"

#include <cmath>
#include <sstream>

#include "app/stop_requests.hpp"

namespace slabhydro {

double young_daly_interval(double checkpoint_seconds, double mtbf_seconds) {
  if (!(checkpoint_seconds >= 0.0) || !(mtbf_seconds > 0.0)) return 0.0;
  return std::sqrt(2.0 * checkpoint_seconds * mtbf_seconds);
}

namespace {

bool due_by_steps(const Cadence& c, long long step) {
  return c.every_steps > 0 && step % c.every_steps == 0;
}

// A multiple of every_time was reached during the step (t_prev, t].
bool due_by_time(const Cadence& c, double t_prev, double t) {
  return c.every_time > 0.0 && std::floor(t / c.every_time) > std::floor(t_prev / c.every_time);
}

}  // namespace

CheckpointSchedule::CheckpointSchedule(const CheckpointConfig& checkpoint, const Cadence& plot,
                                       double now)
    : cfg_(checkpoint), plot_(plot), last_wall_(now) {}

bool CheckpointSchedule::checkpoint_due(long long step, double t_prev, double t) const {
  return due_by_steps(cfg_.cadence, step) || due_by_time(cfg_.cadence, t_prev, t);
}

bool CheckpointSchedule::plot_due(long long step, double t_prev, double t) const {
  return due_by_steps(plot_, step) || due_by_time(plot_, t_prev, t);
}

double CheckpointSchedule::wall_interval(double estimated_cost) const {
  if (cfg_.cadence.every_wall > 0) return cfg_.cadence.every_wall;
  if (!young_daly()) return 0.0;
  // Before the first checkpoint, the estimated cost: so one is written and measured.
  const double cost = count_ > 0 ? cost_sum_ / double(count_) : estimated_cost;
  return young_daly_interval(cost, cfg_.mtbf);
}

bool CheckpointSchedule::wall_due(double now, double estimated_cost) const {
  const double every = wall_interval(estimated_cost);
  return every > 0.0 && now - last_wall_ >= every;
}

std::string CheckpointSchedule::written(double now, double seconds) {
  last_wall_ = now;
  cost_sum_ += seconds;
  ++count_;
  if (!young_daly() || count_ != 1) return "";
  std::ostringstream os;
  os << "checkpoint interval (Young/Daly): sqrt(2 x cost " << seconds << " s x mtbf " << cfg_.mtbf
     << " s) = " << wall_interval(0.0) << " s of wall clock";
  return os.str();
}

}  // namespace slabhydro
