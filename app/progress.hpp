#pragma once
// The progress line's cadence, rate and ETA (rank 0 prints it).
#include <string>

#include "app/report.hpp"

namespace slabhydro {

class ProgressMeter {
 public:
  // interval: seconds of wall clock between lines; tlim/nlim: the run's ends
  // (nlim < 0: none); t0/step0: where this run started; wall0: when.
  ProgressMeter(double interval, double tlim, long long nlim, double t0, long long step0,
                double wall0)
      : interval_(interval),
        tlim_(tlim),
        nlim_(nlim),
        t0_(t0),
        step0_(step0),
        wall0_(wall0),
        last_wall_(wall0),
        last_step_(step0) {}

  // The line to print after a step, or "" when it is not yet time (always a
  // line when `last` is set).
  std::string after_step(long long step, double time, double dt, long long zones, double now,
                         bool last);

 private:
  double interval_, tlim_;
  long long nlim_;
  double t0_;
  long long step0_;
  double wall0_, last_wall_;
  long long last_step_;
};

}  // namespace slabhydro
