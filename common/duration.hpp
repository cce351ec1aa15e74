#pragma once
// Wall-clock durations as people write them for batch systems.
#include <string>

namespace slabhydro {

// "[[D-]HH:]MM:]SS[.frac]" -> seconds; throws a collective Error naming `what`
// (e.g. "--time-limit") when the text is not a duration.
double parse_duration(const std::string& text, const std::string& what);
// Seconds -> "HH:MM:SS" (rounded down; days as more hours).
std::string format_hms(double seconds);

}  // namespace slabhydro
