#include "app/deck.hpp"

#include <algorithm>
#include <sstream>

#include <yaml-cpp/eventhandler.h>

#include "app/deck_schema.hpp"
#include "common/error.hpp"

namespace slabhydro {
namespace {

[[noreturn]] void deck_error(const std::string& msg) { throw Error(msg, true); }

std::string split_section(const std::string& key, std::string& name) {
  const auto dot = key.find('.');
  name = dot == std::string::npos ? "" : key.substr(dot + 1);
  return dot == std::string::npos ? key : key.substr(0, dot);
}

std::string suggestion(const std::string& key) {
  std::string best;
  int best_d = 1 << 30;
  for (const KeySpec& k : deck_schema()) {
    const int d = edit_distance(key, k.key);
    if (d < best_d) best_d = d, best = k.key;
  }
  // Also try the key under every section: "cfl" -> "hydro.cfl".
  std::string name;
  split_section(key, name);
  const std::string leaf = name.empty() ? key : name;
  for (const KeySpec& k : deck_schema()) {
    std::string kn;
    split_section(k.key, kn);
    if (kn == leaf && best_d > 0) return "; did you mean " + std::string(k.key) + "?";
  }
  if (best_d <= std::max<int>(3, static_cast<int>(key.size()) / 3))
    return "; did you mean " + best + "?";
  return "";
}

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

// The 1-based line of a node, as text ("1" when it has no mark).
std::string line_of(const YAML::Node& n) {
  const int line = n.Mark().line;
  return std::to_string(line >= 0 ? line + 1 : 1);
}

// A node as short text for messages (at most 80 characters).
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

}  // namespace

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

Deck::Deck(const std::string& text, const std::string& origin,
           const std::vector<std::string>& overrides)
    : origin_(origin) {
  try {
    root_ = YAML::Load(text);
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
  if (!root_ || root_.IsNull()) root_ = YAML::Node(YAML::NodeType::Map);
  if (!root_.IsMap())
    deck_error(origin + ":" + line_of(root_) +
               ": the deck must be a map of sections (mesh:, time:, hydro:, ...)");

  // Every key present must be a plain name, known, and given once.
  std::map<std::string, int> section_line;
  for (const auto& sec : root_) {
    const std::string at = origin + ":" + line_of(sec.first);
    if (!sec.first.IsScalar())
      deck_error(at + ": a section name must be a plain word, got '" + scalar_text(sec.first) +
                 "'");
    const std::string section = sec.first.Scalar();
    const int line = sec.first.Mark().line + 1;
    const auto seen = section_line.emplace(section, line);
    if (!seen.second)
      deck_error(at + ": " + section + ": section given twice (lines " +
                 std::to_string(seen.first->second) + " and " + std::to_string(line) +
                 "); merge them into one");
    if (sec.second.IsNull()) continue;  // an empty section
    if (!sec.second.IsMap()) {
      bool known = false;
      for (const KeySpec& k : deck_schema())
        if (std::string(k.key).rfind(section + ".", 0) == 0) known = true;
      if (!known) deck_error(at + ": " + section + ": unknown section" + suggestion(section));
      deck_error(at + ": " + section + ": must be a map of keys, one per line below it, "
                 "indented (or " + section + ": {key: value})");
    }
    std::map<std::string, int> key_line;
    for (const auto& kv : sec.second) {
      const std::string kat = origin + ":" + line_of(kv.first);
      if (!kv.first.IsScalar())
        deck_error(kat + ": " + section + ": a key must be a plain name, got '" +
                   scalar_text(kv.first) + "'");
      const std::string key = section + "." + kv.first.Scalar();
      if (!find_key(key)) deck_error(kat + ": " + key + ": unknown key" + suggestion(key));
        const int kline = kv.first.Mark().line + 1;
      const auto k_seen = key_line.emplace(key, kline);
      if (!k_seen.second)
        deck_error(kat + ": " + key + ": given twice (" +
                   (k_seen.first->second == kline
                        ? "on line " + std::to_string(kline)
                        : "lines " + std::to_string(k_seen.first->second) + " and " +
                              std::to_string(kline)) +
                   "); keep one");
    }
  }

  // --set overrides.
  for (const std::string& o : overrides) {
    const auto eq = o.find('=');
    const std::string where =
        "--set " + (o.size() > 100 ? o.substr(0, 60) + "...(" + std::to_string(o.size()) +
                                         " characters)"
                                   : o);
    if (eq == std::string::npos || eq == 0)
      deck_error(where + ": expected --set section.key=value");
    const std::string key = o.substr(0, eq);
    std::string name;
    const std::string section = split_section(key, name);
    if (name.empty() || !find_key(key))
      deck_error(where + ": " + key + ": unknown key" + suggestion(key));
    YAML::Node value;
    try {
      value = YAML::Load(o.substr(eq + 1));
    } catch (const YAML::ParserException& e) {
      deck_error(where + ": " + key + ": malformed value: " + e.msg);
    } catch (const YAML::Exception& e) {
      deck_error(where + ": " + key + ": malformed value: " + e.what());
    }
    if (!root_[section] || root_[section].IsNull()) root_[section] = YAML::Node(YAML::NodeType::Map);
    root_[section][name] = value;
    set_from_[key] = where;
  }
}

YAML::Node Deck::node(const std::string& key) const {
  std::string name;
  const std::string section = split_section(key, name);
  const YAML::Node sec = root_[section];
  if (sec && sec.IsMap() && sec[name]) return sec[name];
  const KeySpec* spec = find_key(key);
  if (!spec) throw Error("internal: key '" + key + "' is not in the deck schema");
  if (!spec->fallback) deck_error(origin_ + ": " + key + ": required key is missing");
  if (spec->type == KeyType::map) return YAML::Node(YAML::NodeType::Map);
  return YAML::Node(std::string(spec->fallback));
}

bool Deck::has(const std::string& key) const {
  std::string name;
  const std::string section = split_section(key, name);
  const YAML::Node sec = root_[section];
  return sec && sec.IsMap() && sec[name];
}

std::string Deck::where(const std::string& key) const {
  const auto s = set_from_.find(key);
  if (s != set_from_.end()) return s->second;
  if (!has(key)) return origin_ + " (default)";
  std::string name;
  const std::string section = split_section(key, name);
  return origin_ + ":" + std::to_string(root_[section][name].Mark().line + 1);
}

void Deck::fail(const std::string& key, const std::string& message) const {
  deck_error(where(key) + ": " + key + ": " + message);
}

long long Deck::get_int(const std::string& key) const {
  const YAML::Node n = node(key);
  try {
    if (n.IsScalar()) return n.as<long long>();
  } catch (const YAML::Exception&) {
  }
  fail(key, std::string("expected ") + type_name(KeyType::integer) + ", got '" +
                scalar_text(n) + "'");
}

double Deck::get_real(const std::string& key) const {
  const YAML::Node n = node(key);
  try {
    if (n.IsScalar()) return n.as<double>();
  } catch (const YAML::Exception&) {
  }
  fail(key, std::string("expected ") + type_name(KeyType::real) + ", got '" +
                scalar_text(n) + "'");
}

std::string Deck::get_string(const std::string& key) const {
  const YAML::Node n = node(key);
  if (!n.IsScalar())
    fail(key, std::string("expected ") + type_name(KeyType::string) + ", got '" +
                  scalar_text(n) + "'");
  return n.Scalar();
}

bool Deck::get_bool(const std::string& key) const {
  const YAML::Node n = node(key);
  try {
    if (n.IsScalar()) return n.as<bool>();
  } catch (const YAML::Exception&) {
  }
  fail(key, std::string("expected ") + type_name(KeyType::boolean) + ", got '" +
                scalar_text(n) + "'");
}

std::map<std::string, std::string> Deck::get_map(const std::string& key) const {
  const YAML::Node n = node(key);
  if (n.IsNull()) return {};
  if (!n.IsMap())
    fail(key, std::string("expected ") + type_name(KeyType::map) + ", got '" + scalar_text(n) +
                  "'");
  std::map<std::string, std::string> out;
  for (const auto& kv : n) {
    if (!kv.first.IsScalar())
      fail(key, "a name must be a plain word, got '" + scalar_text(kv.first) + "'");
    if (!kv.second.IsScalar())
      fail(key, "value of '" + kv.first.Scalar() + "' must be a scalar");
    out[kv.first.Scalar()] = kv.second.Scalar();
  }
  return out;
}

std::string Deck::text_as_run() const {
  YAML::Emitter out;
  out << root_;
  return std::string(out.c_str()) + "\n";
}

}  // namespace slabhydro
