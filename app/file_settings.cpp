#include "app/file_settings.hpp"

namespace slabhydro {

std::string basename_problem(const std::string& b) {
  if (b.find('/') != std::string::npos)
    return "must be a file name prefix without '/', got '" + b +
           "' (use output.dir for the directory)";
  return "";
}

std::string dir_problem(const std::string& d) { return d.empty() ? "must not be empty" : ""; }

std::string hints_problem(const std::map<std::string, std::string>& hints) {
  for (const auto& h : hints) {
    const std::string bad = hint_problem(h.first, h.second);
    if (!bad.empty()) return bad;
  }
  return "";
}

}  // namespace slabhydro
