#include "app/progress.hpp"

#include <algorithm>

namespace slabhydro {

std::string ProgressMeter::after_step(long long step, double time, double dt, long long zones,
                                      double now, bool last) {
  if (!last && now - last_wall_ < interval_) return "";
  const double rate = zones * double(step - last_step_) / std::max(now - last_wall_, 1e-9);
  // ETA: elapsed time scaled by the fraction of the way to tlim or nlim,
  // whichever comes first.
  const double elapsed = now - wall0_;
  const double frac_t = (time - t0_) / (tlim_ - t0_);
  double eta = frac_t > 0 ? elapsed * (1.0 - frac_t) / frac_t : -1.0;
  if (nlim_ >= 0) {
    const double frac_n = double(step - step0_) / std::max<long long>(nlim_ - step0_, 1);
    const double eta_n = elapsed * (1.0 - frac_n) / std::max(frac_n, 1e-12);
    eta = eta < 0 ? eta_n : std::min(eta, eta_n);
  }
  last_wall_ = now;
  last_step_ = step;
  return progress_line({step, time, dt, rate, eta});
}

}  // namespace slabhydro
