#include "app/deck.hpp"

#include <map>

#include "app/deck_yaml.hpp"
#include "common/error.hpp"

namespace slabhydro {
namespace {

[[noreturn]] void deck_error(const std::string& msg) { throw Error(msg, true); }

// Long texts of the command line shortened for messages.
std::string shown(const std::string& s) {
  return s.size() > 100 ? s.substr(0, 60) + "...(" + std::to_string(s.size()) + " characters)" : s;
}

// "given twice (lines 5 and 7)" / "(on line 5)".
std::string twice(int first, int second) {
  return first == second ? "on line " + std::to_string(second)
                         : "lines " + std::to_string(first) + " and " + std::to_string(second);
}

}  // namespace

std::vector<Override> set_overrides(const std::vector<std::string>& sets) {
  std::vector<Override> o;
  for (const std::string& s : sets) o.push_back({s, "--set " + shown(s), {"--set", s}});
  return o;
}

std::string yaml_quoted(const std::string& s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') q += '\\';
    q += c;
  }
  return q + "\"";
}

bool take_override(const std::vector<std::string>& args, std::size_t& k, std::vector<Override>& out,
                   bool time_limit) {
  const std::string& a = args[k];
  struct Option {
    const char* flag;
    const char* key;  // nullptr: the value is KEY=VALUE
  };
  const Option options[] = {
      {"--set", nullptr}, {"--output-dir", "output.dir"}, {"--time-limit", "time.wall_limit"}};
  for (const Option& o : options) {
    if (!time_limit && o.key && std::string(o.key) == "time.wall_limit") continue;
    const std::string flag = o.flag;
    std::string value;
    if (a == flag) {
      if (k + 1 >= args.size()) throw Error(flag + " needs a value (see slabhydro --help)", true);
      value = args[++k];
    } else if (a.rfind(flag + "=", 0) == 0) {
      value = a.substr(flag.size() + 1);
    } else {
      continue;
    }
    if (value.empty()) throw Error(flag + " needs a non-empty value (see slabhydro --help)", true);
    if (!o.key)
      out.push_back({value, "--set " + shown(value), {flag, value}});
    else
      out.push_back({std::string(o.key) + "=" + yaml_quoted(value),
                     flag + " " + shown(value),
                     {flag, value}});
    return true;
  }
  return false;
}

Deck::Deck(const std::string& text, const std::string& origin,
           const std::vector<Override>& overrides, const Schema& schema)
    : origin_(origin), schema_(schema) {
  root_ = load_one_document(text, origin);
  if (!root_.IsMap())
    deck_error(origin + ":" + line_of(root_) +
               ": the deck must be a map of sections (mesh:, time:, hydro:, ...)");
  check_keys();
  for (const Override& o : overrides) apply(o);
}

// Every key present must be a plain name, known, and given once.
void Deck::check_keys() const {
  std::map<std::string, int> section_line;
  for (const auto& sec : root_) {
    const std::string at = origin_ + ":" + line_of(sec.first);
    if (!sec.first.IsScalar())
      deck_error(at + ": a section name must be a plain word, got '" + scalar_text(sec.first) +
                 "'");
    const std::string section = sec.first.Scalar();
    const int line = sec.first.Mark().line + 1;
    const auto seen = section_line.emplace(section, line);
    if (!seen.second)
      deck_error(at + ": " + section + ": section given twice (" + twice(seen.first->second, line) +
                 "); merge them into one");
    if (sec.second.IsNull()) continue;  // an empty section
    if (!sec.second.IsMap()) {
      bool known = false;
      for (const KeySpec& k : schema_.keys) known |= k.key.rfind(section + ".", 0) == 0;
      if (!known)
        deck_error(at + ": " + section + ": unknown section" + suggestion(schema_.keys, section));
      deck_error(at + ": " + section +
                 ": must be a map of keys, one per line below it, "
                 "indented (or " +
                 section + ": {key: value})");
    }
    std::map<std::string, int> key_line;
    for (const auto& kv : sec.second) {
      const std::string kat = origin_ + ":" + line_of(kv.first);
      if (!kv.first.IsScalar())
        deck_error(kat + ": " + section + ": a key must be a plain name, got '" +
                   scalar_text(kv.first) + "'");
      const std::string key = section + "." + kv.first.Scalar();
      if (!find_key(schema_.keys, key))
        deck_error(kat + ": " + key + ": " + unknown_key_message(schema_, key));
      const int kline = kv.first.Mark().line + 1;
      const auto k_seen = key_line.emplace(key, kline);
      if (!k_seen.second)
        deck_error(kat + ": " + key + ": given twice (" + twice(k_seen.first->second, kline) +
                   "); keep one");
    }
  }
}

void Deck::apply(const Override& o) {
  const std::string& a = o.assignment;
  const auto eq = a.find('=');
  if (eq == std::string::npos || eq == 0)
    deck_error(o.origin + ": expected --set section.key=value");
  const std::string key = a.substr(0, eq);
  std::string name;
  const std::string section = split_section(key, name);
  if (name.empty() || !find_key(schema_.keys, key))
    deck_error(o.origin + ": " + key + ": " + unknown_key_message(schema_, key));
  YAML::Node value;
  try {
    value = YAML::Load(a.substr(eq + 1));
  } catch (const YAML::ParserException& e) {
    deck_error(o.origin + ": " + key + ": malformed value: " + e.msg);
  } catch (const YAML::Exception& e) {
    deck_error(o.origin + ": " + key + ": malformed value: " + e.what());
  }
  if (!root_[section] || root_[section].IsNull()) root_[section] = YAML::Node(YAML::NodeType::Map);
  root_[section][name] = value;
  set_from_[key] = o.origin;
}

YAML::Node Deck::node(const std::string& key) const {
  std::string name;
  const std::string section = split_section(key, name);
  const YAML::Node sec = root_[section];
  if (sec && sec.IsMap() && sec[name]) return sec[name];
  const KeySpec* spec = find_key(schema_.keys, key);
  if (!spec) throw Error("internal: key '" + key + "' is not in the deck schema");
  if (spec->required) deck_error(origin_ + ": " + key + ": required key is missing");
  if (spec->type == KeyType::map) return YAML::Node(YAML::NodeType::Map);
  return YAML::Node(spec->fallback);
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

namespace {
// n as T, or the deck's "expected <type>" error.
template <class T>
T scalar_as(const Deck& d, const std::string& key, const YAML::Node& n, KeyType type) {
  try {
    if (n.IsScalar()) return n.as<T>();
  } catch (const YAML::Exception&) {
  }
  d.fail(key, std::string("expected ") + type_name(type) + ", got '" + scalar_text(n) + "'");
}
}  // namespace

long long Deck::get_int(const std::string& key) const {
  return scalar_as<long long>(*this, key, node(key), KeyType::integer);
}

double Deck::get_real(const std::string& key) const {
  return scalar_as<double>(*this, key, node(key), KeyType::real);
}

bool Deck::get_bool(const std::string& key) const {
  return scalar_as<bool>(*this, key, node(key), KeyType::boolean);
}

std::string Deck::get_string(const std::string& key) const {
  const YAML::Node n = node(key);
  if (!n.IsScalar())
    fail(key,
         std::string("expected ") + type_name(KeyType::string) + ", got '" + scalar_text(n) + "'");
  return n.Scalar();
}

std::map<std::string, std::string> Deck::get_map(const std::string& key) const {
  const YAML::Node n = node(key);
  if (n.IsNull()) return {};
  if (!n.IsMap())
    fail(key,
         std::string("expected ") + type_name(KeyType::map) + ", got '" + scalar_text(n) + "'");
  std::map<std::string, std::string> out;
  for (const auto& kv : n) {
    if (!kv.first.IsScalar())
      fail(key, "a name must be a plain word, got '" + scalar_text(kv.first) + "'");
    if (!kv.second.IsScalar()) fail(key, "value of '" + kv.first.Scalar() + "' must be a scalar");
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
