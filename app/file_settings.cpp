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

IntRule szip_rule() {
  return {"0 (off) or even in [2, 32]", [](long long x) -> std::string {
            if (x == 0 || (x >= 2 && x <= 32 && x % 2 == 0)) return "";
            return "must be 0 (off) or an even number of pixels per block in [2, 32], got " +
                   std::to_string(x);
          }};
}

void check_layout(const Deck& d, const IoOptions& io) {
  const LayoutProblem p = layout_problem(io.layout, io.mode);
  if (!p.ok())
    d.fail(p.key,
           p.message + (p.mode_too ? " (io.mode comes from " + d.where("io.mode") + ")" : ""));
}

void check_layout_fits(const Deck& d, const IoOptions& io, std::uint64_t ny, std::uint64_t nx,
                       std::uint64_t widest, std::size_t elem) {
  const LayoutProblem p = fit_problem(io.layout, ny, nx, widest, elem);
  if (!p.ok()) d.fail(p.key, p.message);
}

}  // namespace slabhydro
