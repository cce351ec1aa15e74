#pragma once
// What the deck parser needs to know of the keys a command takes: their
// names, types and defaults (app/settings.hpp builds them from a command's
// settings table). A key not in the schema is refused.
#include <string>
#include <vector>

namespace slabhydro {

enum class KeyType { integer, real, string, boolean, map };
const char* type_name(KeyType t);  // "an integer", "a number", ...

struct KeySpec {
  std::string key;  // "section.name"
  KeyType type;
  std::string fallback;  // the default as YAML text ("" for a map: empty)
  bool required = false;
};
using KeyList = std::vector<KeySpec>;

// The keys of one command (run, bench), and those of the other commands, so
// that a key of another command is refused for what it is.
struct Schema {
  std::string command;  // "run", "bench"
  KeyList keys;
  KeyList elsewhere;  // keys of other commands
  std::string reads;  // "which reads only bench.*, io.*, ..." (for that refusal)
};

const KeySpec* find_key(const KeyList& keys, const std::string& key);
// "unknown key; did you mean ...?" or "not a key of slabhydro bench, which ...".
std::string unknown_key_message(const Schema& schema, const std::string& key);

}  // namespace slabhydro
