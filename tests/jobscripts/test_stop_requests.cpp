// app/stop_requests: duration parsing, the time-limit margin, the Young/Daly
// interval, and the per-step poll that makes a signal or a trigger file seen
// by one rank a request on every rank at the same step. Runs on 1-3 ranks.
#include <mpi.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/checkpoint_schedule.hpp"
#include "app/stop_requests.hpp"
#include "common/error.hpp"

using namespace slabhydro;

namespace {

int rank_of(MPI_Comm c) {
  int r = 0;
  MPI_Comm_rank(c, &r);
  return r;
}
int size_of(MPI_Comm c) {
  int s = 1;
  MPI_Comm_size(c, &s);
  return s;
}

// A fresh directory made by rank 0, its name on every rank.
std::string shared_temp_dir() {
  std::vector<char> name(256, '\0');
  if (rank_of(MPI_COMM_WORLD) == 0) {
    std::snprintf(name.data(), name.size(), "%s/slabhydro_stopreq_XXXXXX",
                  std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp");
    REQUIRE(mkdtemp(name.data()) != nullptr);
  }
  MPI_Bcast(name.data(), static_cast<int>(name.size()), MPI_CHAR, 0, MPI_COMM_WORLD);
  return std::string(name.data());
}

bool exists(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0;
}

void touch(const std::string& p) {
  FILE* f = std::fopen(p.c_str(), "w");
  REQUIRE(f != nullptr);
  std::fclose(f);
}

}  // namespace

TEST_CASE("parse_duration takes [[D-]HH:]MM:]SS and rejects the rest", "[stop]") {
  CHECK(parse_duration("01:30:00", "--time-limit") == 5400.0);
  CHECK(parse_duration("1:30", "--time-limit") == 90.0);
  CHECK(parse_duration("90", "--time-limit") == 90.0);
  CHECK(parse_duration("2.5", "--time-limit") == 2.5);
  CHECK(parse_duration("00:00:03.5", "--time-limit") == 3.5);
  CHECK(parse_duration("1-00:00:00", "--time-limit") == 86400.0);
  CHECK(parse_duration("36:00:00", "--time-limit") == 129600.0);
  for (const char* bad : {"", "1h", "00:61", "1:60:00", "0", "00:00:00", "-5", "1-30", "1:2:3:4",
                          ":30", "1.5:00", "a:b"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_duration(bad, "--time-limit"), Error);
  }
  try {
    parse_duration("1h", "--time-limit");
  } catch (const Error& e) {
    CHECK(e.collective());
    CHECK(std::string(e.what()).find("--time-limit") == 0);
    CHECK(std::string(e.what()).find("'1h'") != std::string::npos);
  }
}

TEST_CASE("format_hms", "[stop]") {
  CHECK(format_hms(5400.7) == "01:30:00");
  CHECK(format_hms(90000) == "25:00:00");
  CHECK(format_hms(-3) == "00:00:00");
}

TEST_CASE("Young/Daly interval is sqrt(2 C MTBF)", "[stop]") {
  CHECK(young_daly_interval(2.0, 3600.0) == Approx(120.0));
  CHECK(young_daly_interval(0.5, 86400.0) == Approx(std::sqrt(86400.0)));
  CHECK(young_daly_interval(2.0, 0.0) == 0.0);
  CHECK(young_daly_interval(-1.0, 3600.0) == 0.0);
}

TEST_CASE("time-limit margin: safety * (step + checkpoint) + slack", "[stop]") {
  const MarginModel m;  // safety 1.5, slack min(5 s, 5% of the limit)
  CHECK(time_limit_margin(m, 3600, 2.0, 10.0, true) == Approx(1.5 * 12.0 + 5.0));
  CHECK(time_limit_margin(m, 4, 0.01, 0.0, false) == Approx(1.5 * (0.01 + 0.5) + 0.2));
  // Before any checkpoint, one is taken as ten steps when that is longer than 0.5 s.
  CHECK(time_limit_margin(m, 3600, 0.5, 0.0, false) == Approx(1.5 * (0.5 + 5.0) + 5.0));
}

TEST_CASE("decode_request: stop wins, reasons in order", "[stop]") {
  using namespace stop_bits;
  StepRequest r = decode_request(0);
  CHECK_FALSE(r.dump);
  CHECK_FALSE(r.stop);
  r = decode_request(sigusr1);
  CHECK(r.dump);
  CHECK_FALSE(r.stop);
  CHECK(r.why == "SIGUSR1");
  r = decode_request(sigusr1 | dump_file);
  CHECK(r.why == "SIGUSR1 and dump_now");
  r = decode_request(sigusr1 | sigterm);
  CHECK(r.stop);
  CHECK(r.dump);
  CHECK(r.reason == StopReason::sigterm);
  CHECK(r.why == "SIGTERM");
  r = decode_request(stop_file | time_limit);
  CHECK(r.reason == StopReason::time_limit);
  CHECK(r.why == "time limit and stop_now");
  CHECK(std::string(to_string(decode_request(sigint).reason)) == "SIGINT");
  CHECK(std::string(to_string(decode_request(stop_file).reason)) == "stop_now");
  // A background write that ended is neither a checkpoint nor a stop request.
  r = decode_request(write_ended);
  CHECK(r.write_ended);
  CHECK_FALSE(r.dump);
  CHECK_FALSE(r.stop);
  CHECK(r.why.empty());
  CHECK_FALSE(decode_request(sigusr1 | wall_checkpoint).write_ended);
}

TEST_CASE("a signal on one rank is a request on every rank at the same poll", "[stop][mpi]") {
  const MPI_Comm comm = MPI_COMM_WORLD;
  const int last = size_of(comm) - 1;
  StopConfig cfg;
  cfg.watch_files = false;
  struct sigaction before_term {
  }, before_usr1{};
  sigaction(SIGTERM, nullptr, &before_term);  // MPI may have one of its own
  sigaction(SIGUSR1, nullptr, &before_usr1);
  {
    StopSignalHandlers handlers;
    handlers.arm();
    StopRequests req(comm, cfg, 0.0);
    CHECK_FALSE(req.poll().dump);

    if (rank_of(comm) == last) std::raise(SIGUSR1);
    StepRequest r = req.poll();
    CHECK(r.dump);
    CHECK_FALSE(r.stop);
    CHECK(r.why == "SIGUSR1");
    r = req.poll();  // consumed
    CHECK_FALSE(r.dump);

    if (rank_of(comm) == last) std::raise(SIGTERM);
    r = req.poll();
    CHECK(r.stop);
    CHECK(r.reason == StopReason::sigterm);
  }
  {
    StopSignalHandlers handlers;  // a new run: no stop asked yet
    handlers.arm();
    StopRequests req(comm, cfg, 0.0);
    if (rank_of(comm) == 0) std::raise(SIGINT);
    const StepRequest r = req.poll();
    CHECK(r.stop);
    CHECK(r.reason == StopReason::sigint);
  }
  // The previous handlers are back.
  struct sigaction now {};
  sigaction(SIGTERM, nullptr, &now);
  CHECK(now.sa_handler == before_term.sa_handler);
  sigaction(SIGUSR1, nullptr, &now);
  CHECK(now.sa_handler == before_usr1.sa_handler);
}

// In a child process (no MPI there): what `signals` do to it. Returns the
// signal that ended it, or 0 if it exited by itself.
template <class F>
int signal_ending_child(F&& setup_and_raise) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    setup_and_raise();
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

TEST_CASE("SIGTERM ends a run that is still starting, and a second one ends it at once", "[stop]") {
  // Before arm(): the default action (nothing to checkpoint yet; a read that
  // hangs must not make the process unkillable).
  CHECK(signal_ending_child([] {
          StopSignalHandlers h;
          std::raise(SIGTERM);
        }) == SIGTERM);
  // Armed: the first SIGTERM is a request, the second ends the process.
  CHECK(signal_ending_child([] {
          StopSignalHandlers h;
          h.arm();
          std::raise(SIGTERM);  // a flag
          std::raise(SIGINT);   // insists
        }) == SIGINT);
  CHECK(signal_ending_child([] {
          StopSignalHandlers h;
          h.arm();
          std::raise(SIGTERM);
          std::raise(SIGUSR1);  // only a flag, whenever it comes
        }) == 0);
}

TEST_CASE("dump_now and stop_now: seen by rank 0, acted on by all, removed when done",
          "[stop][mpi]") {
  const MPI_Comm comm = MPI_COMM_WORLD;
  const bool root = rank_of(comm) == 0;
  const std::string dir = shared_temp_dir();
  double now = 0.0;
  StopConfig cfg;
  cfg.dir = dir;
  cfg.file_check_interval = 10.0;
  StopRequests req(comm, cfg, 0.0, [&] { return now; });

  CHECK_FALSE(req.poll().dump);  // looks at t = 0
  if (root) touch(dir + "/dump_now");
  MPI_Barrier(comm);
  now = 5.0;  // before the next look: not seen yet
  CHECK_FALSE(req.poll().dump);
  now = 10.0;
  StepRequest r = req.poll();
  CHECK(r.dump);
  CHECK_FALSE(r.stop);
  CHECK(r.why == "dump_now");
  CHECK(exists(dir + "/dump_now"));  // still there until acted on
  MPI_Barrier(comm);
  req.acknowledge(r);
  MPI_Barrier(comm);
  CHECK_FALSE(exists(dir + "/dump_now"));
  now = 20.0;
  CHECK_FALSE(req.poll().dump);

  if (root) touch(dir + "/stop_now");
  MPI_Barrier(comm);
  now = 30.0;
  r = req.poll();
  CHECK(r.stop);
  CHECK(r.reason == StopReason::stop_file);
  req.acknowledge(r);
  MPI_Barrier(comm);
  CHECK_FALSE(exists(dir + "/stop_now"));
  if (root) rmdir(dir.c_str());
}

TEST_CASE("time limit: stop once elapsed + margin reaches the limit, on every rank",
          "[stop][mpi]") {
  const MPI_Comm comm = MPI_COMM_WORLD;
  double now = 1000.0;
  StopConfig cfg;
  cfg.time_limit = 100.0;
  cfg.watch_files = false;
  StopRequests req(comm, cfg, 1000.0, [&] { return now; });
  req.record_step(7.0);  // the first step: start-up, counts only until a second one
  CHECK(req.margin() == Approx(1.5 * (7.0 + 10 * 7.0) + 5.0));
  req.record_step(1.0);
  req.record_step(0.5);  // the longest step counts
  req.record_checkpoint(2.0);
  CHECK(req.margin() == Approx(1.5 * (1.0 + 2.0) + 5.0));  // 9.5 s
  now = 1090.0;
  CHECK_FALSE(req.poll().stop);
  now = 1090.6;
  const StepRequest r = req.poll();
  CHECK(r.stop);
  CHECK(r.reason == StopReason::time_limit);
  CHECK(r.why == "time limit");
}
