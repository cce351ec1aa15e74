#pragma once
// A YAML input deck: parsed, checked against a command's schema (schema.hpp),
// with the command line's overrides applied. Every error is a collective
// slabhydro::Error naming the key and where it came from
// ("sod.yaml:12: hydro.cfl: ...", "--set hydro.cfl=1.5: ...").
#include <yaml-cpp/yaml.h>

#include <map>
#include <string>
#include <vector>

#include "app/schema.hpp"

namespace slabhydro {

// One value from the command line: --set section.key=value, or an option
// that sets a key (--output-dir DIR: output.dir), with the words the user typed.
struct Override {
  std::string assignment;          // "section.key=value" (value as YAML)
  std::string origin;              // "--set hydro.cfl=0.3", "--output-dir out" (for messages)
  std::vector<std::string> words;  // as typed: {"--output-dir", "out"}
};
// "--set TEXT" for each "section.key=value".
std::vector<Override> set_overrides(const std::vector<std::string>& sets);
// The command-line options that set deck keys, one place for every command:
// --set KEY=VALUE, --output-dir DIR (output.dir) and, with time_limit,
// --time-limit T (time.wall_limit); also as --opt=value. If args[k] is one,
// appends it to `out`, moves k past its value and returns true. Throws a
// collective Error when the value is missing.
bool take_override(const std::vector<std::string>& args, std::size_t& k, std::vector<Override>& out,
                   bool time_limit);
// A YAML double-quoted scalar holding s exactly.
std::string yaml_quoted(const std::string& s);

class Deck {
 public:
  // text: the deck's contents; origin: its file name as the user gave it;
  // overrides applied in order.
  Deck(const std::string& text, const std::string& origin, const std::vector<Override>& overrides,
       const Schema& schema);

  bool has(const std::string& key) const;
  long long get_int(const std::string& key) const;
  double get_real(const std::string& key) const;
  std::string get_string(const std::string& key) const;
  bool get_bool(const std::string& key) const;
  std::map<std::string, std::string> get_map(const std::string& key) const;

  // Where a key's value came from: "sod.yaml:12", "--set hydro.cfl=1.5",
  // "--output-dir out" or "sod.yaml (default)".
  std::string where(const std::string& key) const;
  // Throws the collective Error "<where>: <key>: <message>".
  [[noreturn]] void fail(const std::string& key, const std::string& message) const;

  // The deck as run: YAML with the overrides applied (stored in checkpoints).
  std::string text_as_run() const;
  const std::string& origin() const { return origin_; }

 private:
  YAML::Node node(const std::string& key) const;  // value or schema default
  void check_keys() const;
  void apply(const Override& o);
  std::string origin_;
  Schema schema_;
  YAML::Node root_;
  std::map<std::string, std::string> set_from_;  // key -> the override's origin
};

}  // namespace slabhydro
