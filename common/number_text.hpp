#pragma once
// Numbers as text, in the two ways slabhydro prints them.
#include <string>

namespace slabhydro {

// The shortest decimal that reads back as the same double (6 to 17 digits):
// for messages, help and headers.
std::string number_text(double x);

// Always 17 significant digits ("%.17g"): for files that other programs parse
// (run_status, JSON, the values named in a refused file's message).
std::string exact_text(double x);

}  // namespace slabhydro
