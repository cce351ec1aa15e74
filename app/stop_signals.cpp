#include "app/stop_signals.hpp"

#include <csignal>

#include "common/error.hpp"

namespace slabhydro {
namespace {

// Set by the handlers, read and cleared by take_signals(). A signal arriving between
// the read and the clear is merged with the one being handled: same meaning.
volatile std::sig_atomic_t g_usr1 = 0;
volatile std::sig_atomic_t g_term = 0;
volatile std::sig_atomic_t g_int = 0;
volatile std::sig_atomic_t g_installed = 0;
volatile std::sig_atomic_t g_armed = 0;
volatile std::sig_atomic_t g_stop_asked = 0;  // a SIGTERM/SIGINT came since arm()

extern "C" void on_stop_signal(int sig) {
  if (sig == SIGUSR1) {
    g_usr1 = 1;
    return;
  }
  if (!g_armed || g_stop_asked) {
    // Not in the time loop, or asked a second time: the default action now
    // (async-signal-safe: signal and raise).
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    return;
  }
  g_stop_asked = 1;
  if (sig == SIGTERM) g_term = 1;
  if (sig == SIGINT) g_int = 1;
}

void install(int sig, struct sigaction* old) {
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;  // MPI and file system calls carry on
  if (sigaction(sig, &sa, old) != 0) throw Error("cannot install a signal handler");
}

}  // namespace

StopSignalHandlers::StopSignalHandlers() {
  if (g_installed) throw Error("StopSignalHandlers: already installed");
  g_usr1 = g_term = g_int = g_armed = g_stop_asked = 0;
  install(SIGUSR1, &old_usr1_);
  install(SIGTERM, &old_term_);
  install(SIGINT, &old_int_);
  g_installed = 1;
}

void StopSignalHandlers::arm() { g_armed = 1; }

StopSignalHandlers::~StopSignalHandlers() {
  g_armed = 0;
  sigaction(SIGUSR1, &old_usr1_, nullptr);
  sigaction(SIGTERM, &old_term_, nullptr);
  sigaction(SIGINT, &old_int_, nullptr);
  g_installed = 0;
}

SignalsSeen take_signals() {
  SignalsSeen s;
  s.usr1 = g_usr1 != 0;
  if (s.usr1) g_usr1 = 0;
  s.term = g_term != 0;
  if (s.term) g_term = 0;
  s.intr = g_int != 0;
  if (s.intr) g_int = 0;
  return s;
}

}  // namespace slabhydro
