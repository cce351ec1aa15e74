#pragma once
// The code under test, shared by the libFuzzer targets (fuzz_deck.cpp,
// fuzz_checkpoint.cpp) and the plain replay of the regression inputs
// (replay.cpp), so both drive the same entry points the same way.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace slabhydro_fuzz {

// Deck input layout: the deck text, then up to kMaxOverrides `--set` strings,
// each part separated by one NUL byte (a --set string comes from argv, so it
// can never hold a NUL itself). Parts beyond kMaxOverrides are dropped.
constexpr std::size_t kMaxOverrides = 8;
struct DeckInput {
  std::string text;
  std::vector<std::string> overrides;
};
DeckInput split_deck_input(const std::uint8_t* data, std::size_t size);

// Deck(text, "fuzz.yaml", overrides), make_run_config, describe. Returns
// normally for a deck that is accepted; bad decks throw slabhydro::Error;
// anything else escaping is a bug.
void run_deck(const DeckInput& in);

// read_checkpoint_meta(path), then inspect_file(path), each on its own: an
// Error from the first does not skip the second. Returns how many of the two
// threw slabhydro::Error (message of the first in *first_error); anything
// else escaping is a bug. Needs MPI and Kokkos initialised.
int run_checkpoint(const std::string& path, std::string* first_error);

// The HDF5 ids this process holds open (files, datasets, attributes, ...),
// which must be 0 between inputs: a leaked file id makes HDF5 hand the next
// open of the same path the stale file.
long open_hdf5_objects();

// The dynamic type and message of the exception in flight (call in a catch
// or a terminate handler).
std::string describe_current_exception();

// For the fuzz targets, which catch slabhydro::Error only: any other
// exception finds no handler, so std::terminate runs with the stack of the
// throw still there (libFuzzer prints it); this handler first names the
// exception, then aborts.
void install_terminate_handler(const char* target);

}  // namespace slabhydro_fuzz
