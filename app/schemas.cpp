#include "app/schemas.hpp"

#include "app/problem_settings.hpp"
#include "app/run_config.hpp"
#include "bench/bench_config.hpp"

namespace slabhydro {
namespace {

// The keys of `of` that `mine` does not have.
KeyList others(const KeyList& of, const KeyList& mine) {
  KeyList out;
  for (const KeySpec& k : of)
    if (!find_key(mine, k.key)) out.push_back(k);
  return out;
}

}  // namespace

const Schema& run_schema() {
  static const Schema s{"run", run_keys(), others(bench_keys(), run_keys()),
                        "which takes no bench.* keys (those are slabhydro bench's)"};
  return s;
}

const Schema& bench_schema() {
  static const Schema s{"bench", bench_keys(), others(run_keys(), bench_keys()),
                        "which reads only bench.*, io.*, output.dir and output.basename (its "
                        "mesh is bench.nx_per_rank or bench.nx, and bench.ny)"};
  return s;
}

std::string keys_text(const std::string& command, bool markdown) {
  if (command == "run") {
    const Settings<ProblemParams> p = all_problem_parameters();
    return markdown ? keys_markdown(run_settings()) + "\n" + keys_markdown(p)
                    : keys_help(run_settings()) + keys_help(p);
  }
  if (command == "bench")
    return markdown ? keys_markdown(bench_settings()) : keys_help(bench_settings());
  return "";
}

}  // namespace slabhydro
