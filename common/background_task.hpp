#pragma once
// One task at a time on a thread of its own, while the caller goes on: the
// writer of an asynchronous checkpoint. The caller learns without blocking
// whether the task has ended (ended(): an atomic flag the task sets as its
// last act), and wait() joins the thread and rethrows what the task threw.
// The destructor waits too (and drops the task's error): a task is never
// left running behind the objects it uses. The thread takes none of the
// stop signals (SIGTERM, SIGINT, SIGUSR1): they reach the caller's thread.
#include <atomic>
#include <exception>
#include <functional>
#include <thread>

namespace slabhydro {

class BackgroundTask {
 public:
  BackgroundTask() = default;
  ~BackgroundTask();
  BackgroundTask(const BackgroundTask&) = delete;
  BackgroundTask& operator=(const BackgroundTask&) = delete;

  // Starts `task` on a new thread; throws Error if one is still running
  // (wait() first).
  void start(std::function<void()> task);
  // A task was started and not yet waited for.
  bool busy() const { return thread_.joinable(); }
  // The busy task has returned or thrown (never blocks).
  bool ended() const { return busy() && ended_.load(std::memory_order_acquire); }
  // Joins the busy task (nothing if none) and rethrows its exception.
  void wait();

 private:
  std::thread thread_;
  std::atomic<bool> ended_{false};
  std::exception_ptr error_;
};

}  // namespace slabhydro
