#pragma once
// The handlers of SIGUSR1, SIGTERM and SIGINT: they only set flags, which
// StopRequests::poll takes once per step (stop_requests.hpp).
#include <signal.h>

namespace slabhydro {

// Installs the SIGUSR1, SIGTERM and SIGINT handlers for its lifetime and
// restores the previous ones after. One at a time per process.
// Until arm(), SIGTERM and SIGINT end the process as usual (the run is still
// starting, nothing is there to checkpoint, and a read that hangs must not
// make it unkillable); after, the first one only sets a flag that poll()
// turns into a checkpoint and a stop, and a second one (the user insists, or
// the checkpoint itself hangs) ends the process at once. SIGUSR1 always only
// sets its flag.
class StopSignalHandlers {
 public:
  StopSignalHandlers();
  ~StopSignalHandlers();
  void arm();
  StopSignalHandlers(const StopSignalHandlers&) = delete;
  StopSignalHandlers& operator=(const StopSignalHandlers&) = delete;

 private:
  struct sigaction old_usr1_, old_term_, old_int_;
};

// The signals that came since the last call, each once; clears them.
struct SignalsSeen {
  bool usr1 = false, term = false, intr = false;
};
SignalsSeen take_signals();

}  // namespace slabhydro
