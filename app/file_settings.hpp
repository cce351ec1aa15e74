#pragma once
// The settings every command that writes files shares, defined once:
// output.dir, output.basename and io.* (transfer mode, MPI-IO hints,
// alignment). `slabhydro run` writes checkpoints and plot files with them,
// `slabhydro bench` its benchmark files.
#include <string>

#include "app/settings.hpp"
#include "io/dataset_layout.hpp"
#include "io/h5_props.hpp"
#include "io/mpi_resources.hpp"

namespace slabhydro {

// Refusals of the basename and the directory ("" if fine).
std::string basename_problem(const std::string& b);
std::string dir_problem(const std::string& d);
std::string hints_problem(const std::map<std::string, std::string>& hints);
// io.szip: 0, or an even number of pixels per block in [2, 32].
IntRule szip_rule();
// What io.chunk, io.deflate, io.szip and io.mode cannot be together: one
// message naming the keys (Deck::fail), before anything is written.
void check_layout(const Deck& d, const IoOptions& io);
// The layout fitted to a [ny][nx] dataset of elem-byte values whose widest
// rank block has `widest` columns (fit_problem), refused through Deck::fail.
void check_layout_fits(const Deck& d, const IoOptions& io, std::uint64_t ny, std::uint64_t nx,
                       std::uint64_t widest, std::size_t elem);
// The io.chunk setting (none | slab | ROWSxCOLS).
template <class C, class Io>
Setting<C> chunk_setting(Io io) {
  const char* key = "io.chunk";
  return {{key, KeyType::string, chunk_text(DatasetLayout{}), false},
          "field datasets: none (contiguous) | slab (one chunk per rank's block) | ROWSxCOLS, "
          "e.g. 64x128 (cut to the dataset)",
          [key, io](const Deck& d, C& c) {
            const std::string bad = parse_chunk(d.get_string(key), io(c).layout);
            if (!bad.empty()) d.fail(key, bad);
          },
          [io](const C& c) { return chunk_text(io(c).layout); }};
}

// basename_default: "" (run: the problem's name) or "flashio" (bench).
template <class C, class Dir, class Base, class Io>
Settings<C> file_settings(const char* basename_default, const char* basename_help, Dir dir,
                          Base base, Io io) {
  Settings<C> t;
  t.push_back(string_setting<C>("output.basename", basename_default, basename_help,
                                basename_problem, base));
  t.push_back(string_setting<C>("output.dir", ".", "output directory (--output-dir overrides)",
                                dir_problem, dir));
  t.push_back(choice_setting<C>(
      "io.mode", TransferMode::collective, "how ranks write (README, \"Transfer modes\")",
      kTransferModeNames, [io](auto& c) -> auto& { return io(c).mode; }));
  t.push_back({{"io.hints", KeyType::map, "", false},
               "MPI-IO hints passed through an MPI_Info, e.g. {cb_buffer_size: 16777216}",
               [io](const Deck& d, C& c) {
                 io(c).hints = d.get_map("io.hints");
                 const std::string bad = hints_problem(io(c).hints);
                 if (!bad.empty()) d.fail("io.hints", bad);
               },
               [io](const C& c) { return map_text(io(c).hints); }});
  t.push_back(int_setting<C>(
      "io.alignment", static_cast<long long>(kDefaultAlignment),
      "HDF5 objects of io.alignment_threshold bytes or more start at a multiple of this (0: off)",
      at_least(0), [io](auto& c) -> auto& { return io(c).alignment; }));
  t.push_back(int_setting<C>(
      "io.alignment_threshold", static_cast<long long>(kDefaultAlignmentThreshold),
      "see io.alignment",
      at_least(0), [io](auto& c) -> auto& { return io(c).alignment_threshold; }));
  t.push_back(chunk_setting<C>(io));
  t.push_back(int_setting<C>(
      "io.deflate", 0,
      "gzip level of the field datasets (0: off); needs io.chunk, and io.mode collective or "
      "serial",
      at_least(0, 9), [io](auto& c) -> auto& { return io(c).layout.deflate; }));
  t.push_back(int_setting<C>(
      "io.szip", 0,
      "szip pixels per block of the field datasets (0: off; NN coding); needs io.chunk, "
      "io.mode serial, and io.deflate 0",
      szip_rule(), [io](auto& c) -> auto& { return io(c).layout.szip; }));
  return t;
}

}  // namespace slabhydro
