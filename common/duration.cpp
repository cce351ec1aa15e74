#include "common/duration.hpp"

#include <cstdio>
#include <vector>

#include "common/error.hpp"

namespace slabhydro {

double parse_duration(const std::string& text, const std::string& what) {
  auto bad = [&](const std::string& why) -> Error {
    return Error(what + ": " + why + ", got '" + text + "'", true);
  };
  // At most 9 digits a field: no number overflows or underflows (std::stod).
  auto is_uint = [](const std::string& f) {
    return !f.empty() && f.size() <= 9 && f.find_first_not_of("0123456789") == std::string::npos;
  };
  std::string rest = text;
  double days = 0;
  const std::size_t dash = rest.find('-');
  if (dash != std::string::npos) {
    if (!is_uint(rest.substr(0, dash))) throw bad("expected a duration [[D-]HH:]MM:]SS");
    days = std::stod(rest.substr(0, dash));
    rest = rest.substr(dash + 1);
  }
  std::vector<std::string> f;
  for (std::size_t a = 0;;) {
    const std::size_t b = rest.find(':', a);
    f.push_back(rest.substr(a, b == std::string::npos ? std::string::npos : b - a));
    if (b == std::string::npos) break;
    a = b + 1;
  }
  if (f.size() > 3 || (dash != std::string::npos && f.size() != 3))
    throw bad("expected a duration [[D-]HH:]MM:]SS, e.g. 01:30:00");
  // The last field (seconds) may have a fraction; the others are whole.
  std::string sec = f.back();
  const std::size_t dot = sec.find('.');
  if (!is_uint(sec.substr(0, dot)) ||
      (dot != std::string::npos && sec.size() > dot + 1 && !is_uint(sec.substr(dot + 1))))
    throw bad("expected a duration [[D-]HH:]MM:]SS, e.g. 01:30:00");
  for (std::size_t k = 0; k + 1 < f.size(); ++k)
    if (!is_uint(f[k])) throw bad("expected a duration [[D-]HH:]MM:]SS, e.g. 01:30:00");
  const double s = std::stod(sec);
  const double mi = f.size() >= 2 ? std::stod(f[f.size() - 2]) : 0.0;
  const double h = f.size() == 3 ? std::stod(f[0]) : 0.0;
  if ((f.size() >= 2 && s >= 60) || (f.size() == 3 && mi >= 60))
    throw bad("minutes and seconds must be below 60");
  const double total = days * 86400 + h * 3600 + mi * 60 + s;
  if (!(total > 0)) throw bad("must be longer than 0");
  return total;
}

std::string format_hms(double seconds) {
  const long long t = seconds > 0 ? static_cast<long long>(seconds) : 0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", t / 3600, t / 60 % 60, t % 60);
  return buf;
}

}  // namespace slabhydro
