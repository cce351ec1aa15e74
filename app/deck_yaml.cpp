#include "app/deck_yaml.hpp"

#include <yaml-cpp/eventhandler.h>

#include <algorithm>
#include <sstream>
#include <vector>

#include "common/error.hpp"

namespace slabhydro {
namespace {

[[noreturn]] void deck_error(const std::string& msg) { throw Error(msg, true); }

// Counts documents without building them (YAML::LoadAll never returns on
// some inputs, e.g. ","): only where a second one starts matters.
class DocumentStarts : public YAML::EventHandler {
 public:
  int count = 0, second_line = 0;
  void OnDocumentStart(const YAML::Mark& m) override {
    if (++count == 2) second_line = m.line + 1;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// The 1-based line where a second YAML document starts in `text`, or 0.
int second_document_line(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentStarts starts;
  for (int k = 0; k < 2 && parser.HandleNextDocument(starts); ++k) {
  }
  return starts.count >= 2 ? std::max(1, starts.second_line) : 0;
}

}  // namespace

YAML::Node load_one_document(const std::string& text, const std::string& origin) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
    const int second = second_document_line(text);
    if (second > 0)
      deck_error(origin + ":" + std::to_string(second) +
                 ": the deck holds more than one YAML document (separated by ---); it must be "
                 "one map of sections");
  } catch (const YAML::ParserException& e) {
    deck_error(origin + ":" + std::to_string(e.mark.line + 1) + ": malformed YAML: " + e.msg);
  } catch (const YAML::Exception& e) {
    deck_error(origin + ": malformed YAML: " + e.what());
  }
  if (!root || root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
  return root;
}

std::string line_of(const YAML::Node& n) {
  const int line = n.Mark().line;
  return std::to_string(line >= 0 ? line + 1 : 1);
}

std::string scalar_text(const YAML::Node& n) {
  std::string t;
  if (n.IsScalar()) {
    t = n.Scalar();
  } else {
    try {
      std::ostringstream os;
      os << n;
      t = os.str();
    } catch (const std::exception&) {
      t = n.IsSequence() ? "a sequence" : n.IsMap() ? "a map" : "?";
    }
  }
  std::replace(t.begin(), t.end(), '\n', ' ');
  return t.size() > 80 ? t.substr(0, 77) + "..." : t;
}

std::string split_section(const std::string& key, std::string& name) {
  const auto dot = key.find('.');
  name = dot == std::string::npos ? "" : key.substr(dot + 1);
  return dot == std::string::npos ? key : key.substr(0, dot);
}

std::string suggestion(const KeyList& schema, const std::string& key) {
  std::string best;
  int best_d = 1 << 30;
  for (const KeySpec& k : schema) {
    const int d = edit_distance(key, k.key);
    if (d < best_d) best_d = d, best = k.key;
  }
  // Also try the key under every section: "cfl" -> "hydro.cfl".
  std::string name;
  split_section(key, name);
  const std::string leaf = name.empty() ? key : name;
  for (const KeySpec& k : schema) {
    std::string kn;
    split_section(k.key, kn);
    if (kn == leaf && best_d > 0) return "; did you mean " + k.key + "?";
  }
  if (best_d <= std::max<int>(3, static_cast<int>(key.size()) / 3))
    return "; did you mean " + best + "?";
  return "";
}

int edit_distance(const std::string& a, const std::string& b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

const char* type_name(KeyType t) {
  switch (t) {
    case KeyType::integer: return "an integer";
    case KeyType::real: return "a number";
    case KeyType::string: return "a string";
    case KeyType::boolean: return "true or false";
    case KeyType::map: return "a map of key: value";
  }
  return "?";
}

const KeySpec* find_key(const KeyList& keys, const std::string& key) {
  for (const KeySpec& k : keys)
    if (key == k.key) return &k;
  return nullptr;
}

std::string unknown_key_message(const Schema& schema, const std::string& key) {
  // Keys that moved, and where to.
  static const char* const moved[][2] = {{"bench.chunk", "io.chunk"},
                                         {"bench.deflate", "io.deflate"}};
  for (const auto& m : moved)
    if (key == m[0])
      return std::string("no longer a key: it is now ") + m[1] +
             " (shared by slabhydro run and slabhydro bench)";
  if (find_key(schema.elsewhere, key))
    return "not a key of slabhydro " + schema.command +
           (schema.reads.empty() ? "" : ", " + schema.reads);
  return "unknown key" + suggestion(schema.keys, key);
}

}  // namespace slabhydro
