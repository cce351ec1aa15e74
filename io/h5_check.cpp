#include "io/h5_check.hpp"

#include "common/error.hpp"

namespace slabhydro {
namespace {

herr_t collect_innermost(unsigned, const H5E_error2_t* e, void* out) {
  // Walking downward, the last entry seen is the innermost one.
  std::string& s = *static_cast<std::string*>(out);
  s.clear();
  if (e->func_name) s += std::string(e->func_name) + ": ";
  if (e->desc && *e->desc) {
    s += e->desc;
  } else {
    char minor[256] = "";
    if (H5Eget_msg(e->min_num, nullptr, minor, sizeof minor) > 0) s += minor;
  }
  return 0;
}

}  // namespace

void h5_quiet() {
  static thread_local bool done = false;  // per thread in thread-safe HDF5 builds
  if (done) return;
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  done = true;
}

std::string h5_error_detail() {
  std::string detail;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect_innermost, &detail);
  H5Eclear2(H5E_DEFAULT);
  for (char& c : detail)
    if (c == '\n' || c == '\r') c = ' ';  // one message, one line
  while (!detail.empty() && detail.back() == ' ') detail.pop_back();
  return detail;
}

void h5_fail(const char* expr, const char* file, int line, const std::string& what) {
  std::string msg = what + ": " + expr + " failed (" + file + ":" + std::to_string(line) + ")";
  const std::string detail = h5_error_detail();
  if (!detail.empty()) msg += ": " + detail;
  throw Error(msg);
}

}  // namespace slabhydro
