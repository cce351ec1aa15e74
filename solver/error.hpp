#pragma once
// The one error facility of slabhydro. Everything throws slabhydro::Error;
// app/main.cpp catches it once, prints it once and decides how to stop.
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

}  // namespace slabhydro
