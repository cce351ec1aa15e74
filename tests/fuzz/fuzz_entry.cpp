#include "tests/fuzz/fuzz_entry.hpp"

#include <cxxabi.h>
#include <hdf5.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <typeinfo>

#include "app/deck.hpp"
#include "app/run_config.hpp"
#include "app/schemas.hpp"
#include "common/error.hpp"
#include "io/checkpoint_io.hpp"
#include "io/inspect.hpp"

namespace slabhydro_fuzz {

DeckInput split_deck_input(const std::uint8_t* data, std::size_t size) {
  DeckInput in;
  const char* p = reinterpret_cast<const char*>(data);
  const char* end = p + size;
  const char* nul = p;
  while (nul != end && *nul != '\0') ++nul;
  in.text.assign(p, nul);
  while (nul != end && in.overrides.size() < kMaxOverrides) {
    const char* b = nul + 1;
    nul = b;
    while (nul != end && *nul != '\0') ++nul;
    in.overrides.emplace_back(b, nul);
  }
  return in;
}

void run_deck(const DeckInput& in) {
  const slabhydro::Deck deck(in.text, "fuzz.yaml", slabhydro::set_overrides(in.overrides),
                             slabhydro::run_schema());
  const slabhydro::RunConfig c = slabhydro::make_run_config(deck);
  (void)slabhydro::describe(c);
}

int run_checkpoint(const std::string& path, std::string* first_error) {
  int errors = 0;
  auto note = [&](const slabhydro::Error& e) {
    if (errors++ == 0 && first_error) *first_error = e.what();
  };
  try {
    (void)slabhydro::read_checkpoint_meta(path);
  } catch (const slabhydro::Error& e) {
    note(e);
  }
  try {
    (void)slabhydro::inspect_file(path);
  } catch (const slabhydro::Error& e) {
    note(e);
  }
  return errors;
}

long open_hdf5_objects() {
  const ssize_t n = H5Fget_obj_count(H5F_OBJ_ALL, H5F_OBJ_ALL);
  return n < 0 ? -1 : static_cast<long>(n);
}

std::string describe_current_exception() {
  const std::type_info* t = abi::__cxa_current_exception_type();
  std::string type = t ? t->name() : "no exception";
  std::string what;
  try {
    throw;
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
  }
  int status = 0;
  char* d = abi::__cxa_demangle(type.c_str(), nullptr, nullptr, &status);
  if (status == 0 && d) type = d;
  std::free(d);
  return type + (what.empty() ? "" : ": " + what);
}

namespace {
const char* g_target = "fuzz";
[[noreturn]] void on_terminate() {
  std::fprintf(stderr, "\n%s: BUG: an exception other than slabhydro::Error escaped: %s\n",
               g_target, describe_current_exception().c_str());
  std::abort();
}
}  // namespace

void install_terminate_handler(const char* target) {
  g_target = target;
  std::set_terminate(on_terminate);
}

}  // namespace slabhydro_fuzz
