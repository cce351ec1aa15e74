#pragma once
// The one error facility of slabhydro. Everything throws slabhydro::Error;
// app/main.cpp catches it once, prints it once and decides how to stop.
#include <cstdio>
#include <stdexcept>
#include <string>

namespace slabhydro {

class Error : public std::runtime_error {
 public:
  // collective: every rank throws the same error at the same point (deck
  // errors, decomposition errors, a bad zone found through a reduction), so
  // the ranks can stop together and only rank 0 prints. Otherwise the error
  // is local to one rank and the run is aborted.
  explicit Error(const std::string& what, bool collective = false)
      : std::runtime_error(what), collective_(collective) {}
  bool collective() const noexcept { return collective_; }

 private:
  bool collective_;
};

// One line on stderr in one write, so that it is never torn by stdout output
// that mpirun forwards into the same file.
inline void print_stderr_line(const std::string& text) {
  const std::string line = text + "\n";
  std::fflush(stdout);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}
// "slabhydro: warning: <msg>".
inline void warn(const std::string& msg) { print_stderr_line("slabhydro: warning: " + msg); }

}  // namespace slabhydro
