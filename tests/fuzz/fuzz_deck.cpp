// libFuzzer target: the deck parser. Input: YAML deck text, then up to 8
// `--set` strings, NUL-separated (fuzz_entry.hpp). A bad deck must end in
// slabhydro::Error; any other exception, a crash, a sanitizer report, a
// timeout or running out of memory is a bug.
#include "common/error.hpp"
#include "tests/fuzz/fuzz_entry.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  slabhydro_fuzz::install_terminate_handler("fuzz_deck");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const slabhydro_fuzz::DeckInput in = slabhydro_fuzz::split_deck_input(data, size);
  try {
    slabhydro_fuzz::run_deck(in);
  } catch (const slabhydro::Error&) {
    // The expected way to reject a deck. Nothing else is caught (see
    // install_terminate_handler).
  }
  return 0;
}
