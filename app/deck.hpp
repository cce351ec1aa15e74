#pragma once
// A YAML input deck: parsed, checked against deck_schema(), with --set
// overrides applied. Every error is a collective slabhydro::Error naming the
// key and where it came from ("sod.yaml:12: hydro.cfl: ...").
#include <yaml-cpp/yaml.h>

#include <map>
#include <string>
#include <vector>

namespace slabhydro {

class Deck {
 public:
  // text: the deck's contents; origin: its file name as the user gave it;
  // overrides: "section.key=value" strings from --set, applied in order.
  Deck(const std::string& text, const std::string& origin,
       const std::vector<std::string>& overrides);

  bool has(const std::string& key) const;
  long long get_int(const std::string& key) const;
  double get_real(const std::string& key) const;
  std::string get_string(const std::string& key) const;
  bool get_bool(const std::string& key) const;
  std::map<std::string, std::string> get_map(const std::string& key) const;

  // Where a key's value came from: "sod.yaml:12", "--set hydro.cfl=1.5" or "default".
  std::string where(const std::string& key) const;
  // Throws the collective Error "<where>: <key>: <message>".
  [[noreturn]] void fail(const std::string& key, const std::string& message) const;

  // The deck as run: YAML with the overrides applied (stored in checkpoints).
  std::string text_as_run() const;
  const std::string& origin() const { return origin_; }

 private:
  YAML::Node node(const std::string& key) const;  // value or schema default
  std::string origin_;
  YAML::Node root_;
  std::map<std::string, std::string> set_from_;  // key -> "--set ..." text
};

// Levenshtein distance, for "did you mean" suggestions.
int edit_distance(const std::string& a, const std::string& b);

}  // namespace slabhydro
