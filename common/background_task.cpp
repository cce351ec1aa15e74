#include "common/background_task.hpp"

#include <pthread.h>

#include <csignal>
#include <utility>

#include "common/error.hpp"

namespace slabhydro {

BackgroundTask::~BackgroundTask() {
  if (thread_.joinable()) thread_.join();
}

void BackgroundTask::start(std::function<void()> task) {
  if (busy()) throw Error("internal: a background task is still running");
  ended_.store(false, std::memory_order_relaxed);
  error_ = nullptr;
  // The stop signals (app/stop_signals.hpp) go to the caller's threads, not
  // to this one: the thread inherits the mask in force when it is made.
  sigset_t stop, old;
  sigemptyset(&stop);
  for (const int sig : {SIGTERM, SIGINT, SIGUSR1}) sigaddset(&stop, sig);
  pthread_sigmask(SIG_BLOCK, &stop, &old);
  struct Restore {
    sigset_t* old;
    ~Restore() { pthread_sigmask(SIG_SETMASK, old, nullptr); }
  } restore{&old};
  thread_ = std::thread([this, task = std::move(task)] {
    try {
      task();
    } catch (...) {
      error_ = std::current_exception();
    }
    ended_.store(true, std::memory_order_release);
  });
}

void BackgroundTask::wait() {
  if (!thread_.joinable()) return;
  thread_.join();
  std::exception_ptr e = std::exchange(error_, nullptr);
  if (e) std::rethrow_exception(e);
}

}  // namespace slabhydro
