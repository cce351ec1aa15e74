#include "common/background_task.hpp"

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
