#include "app/stop_requests.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "common/mpi_check.hpp"
#include "common/timers.hpp"

namespace slabhydro {
namespace {

bool file_exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

std::string join(const std::string& dir, const char* name) {
  return dir.empty() ? std::string(name) : dir + "/" + name;
}

}  // namespace

const char* to_string(StopReason r) {
  switch (r) {
    case StopReason::none: return "none";
    case StopReason::time_limit: return "time_limit";
    case StopReason::sigterm: return "SIGTERM";
    case StopReason::sigint: return "SIGINT";
    case StopReason::stop_file: return "stop_now";
  }
  return "?";
}

StepRequest decode_request(int bits) {
  using namespace stop_bits;
  StepRequest r;
  r.bits = bits;
  std::string why;
  auto add = [&](int bit, const char* name) {
    if (bits & bit) why += (why.empty() ? "" : " and ") + std::string(name);
  };
  // Stop reasons first, in order of precedence.
  add(time_limit, "time limit");
  add(sigterm, "SIGTERM");
  add(sigint, "SIGINT");
  add(stop_file, "stop_now");
  if (bits & time_limit)
    r.reason = StopReason::time_limit;
  else if (bits & sigterm)
    r.reason = StopReason::sigterm;
  else if (bits & sigint)
    r.reason = StopReason::sigint;
  else if (bits & stop_file)
    r.reason = StopReason::stop_file;
  r.stop = r.reason != StopReason::none;
  if (!r.stop) {
    add(sigusr1, "SIGUSR1");
    add(dump_file, "dump_now");
  }
  r.dump = r.stop || (bits & (sigusr1 | dump_file)) != 0;
  r.wall_checkpoint = (bits & wall_checkpoint) != 0;
  r.write_ended = (bits & write_ended) != 0;
  r.why = why;
  return r;
}

StopRequests::StopRequests(MPI_Comm comm, StopConfig cfg, double t_start, Clock clock,
                           MarginModel model)
    : comm_(comm),
      cfg_(std::move(cfg)),
      t_start_(t_start),
      clock_(clock ? std::move(clock) : Clock(wall_seconds)),
      model_(model) {
  SLABHYDRO_MPI_CHECK(MPI_Comm_rank(comm_, &rank_));
}

double StopRequests::elapsed() const { return clock_() - t_start_; }

double StopRequests::checkpoint_estimate() const {
  return assumed_checkpoint(model_, step_max_, checkpoint_max_, checkpoint_measured_);
}

double StopRequests::margin() const {
  return time_limit_margin(model_, cfg_.time_limit, step_max_, checkpoint_max_,
                           checkpoint_measured_);
}

void StopRequests::record_step(double seconds) {
  // The first step of a run also pays for first touches of memory and
  // start-up costs: it counts only until another step is measured.
  if (steps_recorded_++ == 0)
    step_max_ = seconds;
  else
    step_max_ = steps_recorded_ == 2 ? seconds : std::max(step_max_, seconds);
}

void StopRequests::record_checkpoint(double seconds) {
  checkpoint_max_ = std::max(checkpoint_max_, seconds);
  checkpoint_measured_ = true;
}

int StopRequests::local_bits() {
  namespace b = stop_bits;
  const SignalsSeen seen = take_signals();
  int bits =
      (seen.usr1 ? b::sigusr1 : 0) | (seen.term ? b::sigterm : 0) | (seen.intr ? b::sigint : 0);
  if (rank_ != 0) return bits;
  const double now = clock_();
  if (cfg_.watch_files && now - last_file_check_ >= cfg_.file_check_interval) {
    last_file_check_ = now;
    if (file_exists(join(cfg_.dir, "dump_now"))) bits |= b::dump_file;
    if (file_exists(join(cfg_.dir, "stop_now"))) bits |= b::stop_file;
  }
  if (cfg_.time_limit > 0 && now - t_start_ + margin() >= cfg_.time_limit) {
    bits |= b::time_limit;
    decided_elapsed_ = now - t_start_;
    decided_margin_ = margin();
  }
  return bits;
}

StepRequest StopRequests::poll(int extra) {
  int local = local_bits() | extra, all = 0;
  SLABHYDRO_MPI_CHECK(MPI_Allreduce(&local, &all, 1, MPI_INT, MPI_BOR, comm_));
  return decode_request(all);
}

void StopRequests::acknowledge(const StepRequest& r) {
  if (rank_ != 0 || !cfg_.watch_files) return;
  for (const auto& f : {std::make_pair(stop_bits::dump_file, "dump_now"),
                        std::make_pair(stop_bits::stop_file, "stop_now")}) {
    if (!(r.bits & f.first)) continue;
    const std::string path = join(cfg_.dir, f.second);
    if (::unlink(path.c_str()) != 0 && file_exists(path)) {
      // It would ask again at every look: stop looking.
      warn("cannot remove " + path + "; dump_now and stop_now are ignored from now on");
      cfg_.watch_files = false;
    }
  }
}

}  // namespace slabhydro
