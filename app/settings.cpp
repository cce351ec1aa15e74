#include "app/settings.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace slabhydro {

std::string map_text(const std::map<std::string, std::string>& m) {
  std::string s = "{";
  for (const auto& kv : m) s += (s.size() > 1 ? ", " : "") + kv.first + ": " + kv.second;
  return s + "}";
}

namespace {
std::string got(double x) { return ", got " + number_text(x); }
}  // namespace

RealRule any_finite() {
  return {"", [](double x) {
            return std::isfinite(x) ? std::string() : "must be a finite number" + got(x);
          }};
}

RealRule positive() {
  return {"> 0", [](double x) {
            return std::isfinite(x) && x > 0 ? std::string() : "must be a positive number" + got(x);
          }};
}

RealRule off_or_positive() {
  return {">= 0 (0: off)", [](double x) {
            return std::isfinite(x) && x >= 0 ? std::string() : "must be >= 0 (0: off)" + got(x);
          }};
}

RealRule in_interval(double lo, double hi, bool lo_open, bool hi_open) {
  const std::string text = std::string(lo_open ? "(" : "[") + number_text(lo) + ", " +
                           number_text(hi) + (hi_open ? ")" : "]");
  return {"in " + text, [=](double x) {
            const bool ok =
                std::isfinite(x) && (lo_open ? x > lo : x >= lo) && (hi_open ? x < hi : x <= hi);
            return ok ? std::string() : "must be in " + text + got(x);
          }};
}

IntRule at_least(long long lo, long long hi) {
  const std::string h = hi == (1LL << 30) ? "2^30" : std::to_string(hi);
  const std::string text = "in [" + std::to_string(lo) + ", " + h + "]";
  return {text, [=](long long x) {
            return x >= lo && x <= hi ? std::string()
                                      : "must be an integer " + text + ", got " + std::to_string(x);
          }};
}

IntRule off_or_count() {
  return {">= 0 (0: off)", [](long long x) {
            return x >= 0 ? std::string() : "must be >= 0 (0: off), got " + std::to_string(x);
          }};
}

IntRule none_or_count() {
  return {"-1 (none) or >= 0", [](long long x) {
            return x >= -1 ? std::string()
                           : "must be -1 (no limit) or >= 0, got " + std::to_string(x);
          }};
}

std::string keys_help_line(const KeySpec& k, const std::string& help) {
  const std::string def =
      k.required ? "*" : "[" + (k.type == KeyType::map ? std::string("{}") : k.fallback) + "]";
  return "  " + k.key + " " + def + "  " + help + "\n";
}

std::string keys_markdown_row(const KeySpec& k, const std::string& help) {
  const std::string def =
      k.required ? "*" : " [" + (k.type == KeyType::map ? std::string("{}") : k.fallback) + "]";
  std::string cell;  // a '|' of the allowed values would end the table cell
  for (const char ch : help) cell += ch == '|' ? std::string("\\|") : std::string(1, ch);
  return "| `" + k.key + "`" + def + " | " + cell + " |\n";
}

std::string header_line(const std::string& section, const std::vector<std::string>& items) {
  std::string line =
      "  " + section + std::string(section.size() < 12 ? 12 - section.size() : 1, ' ');
  const std::size_t indent = line.size();
  std::string out;
  std::size_t width = line.size();
  for (std::size_t k = 0; k < items.size(); ++k) {
    const std::string piece = items[k] + (k + 1 < items.size() ? "," : "");
    if (width > indent && width + 1 + piece.size() > 100) {
      out += line + "\n";
      line = std::string(indent, ' ');
      width = indent;
    } else if (width > indent) {
      line += " ";
      ++width;
    }
    line += piece;
    width += piece.size();
  }
  return out + line + "\n";
}

}  // namespace slabhydro
