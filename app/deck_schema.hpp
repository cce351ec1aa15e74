#pragma once
// Every key a deck may hold: its type, its default and one line of help.
// The deck parser rejects any key not listed here.
#include <string>
#include <vector>

namespace slabhydro {

enum class KeyType { integer, real, string, boolean, map };

struct KeySpec {
  const char* key;       // "section.name"
  KeyType type;
  const char* fallback;  // default as YAML text; nullptr: required; "" for map: empty
  const char* help;
};

const std::vector<KeySpec>& deck_schema();
const KeySpec* find_key(const std::string& key);
const char* type_name(KeyType t);

}  // namespace slabhydro
