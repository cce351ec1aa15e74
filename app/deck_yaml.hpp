#pragma once
// YAML helpers of the deck parser: loading one document safely, where a
// node is, how it reads in a message, and "did you mean" suggestions.
#include <yaml-cpp/yaml.h>

#include <string>

#include "app/schema.hpp"

namespace slabhydro {

// The deck's one document (an empty deck: an empty map); a collective Error
// naming `origin` and the line for malformed YAML or a second document.
YAML::Node load_one_document(const std::string& text, const std::string& origin);

// The 1-based line of a node, as text ("1" when it has no mark).
std::string line_of(const YAML::Node& n);
// A node as short text for messages (one line, at most 80 characters).
std::string scalar_text(const YAML::Node& n);
// "section.name" -> "section" (and name).
std::string split_section(const std::string& key, std::string& name);
// "; did you mean hydro.cfl?" for the nearest key, or "".
std::string suggestion(const KeyList& keys, const std::string& key);
// Levenshtein distance.
int edit_distance(const std::string& a, const std::string& b);

}  // namespace slabhydro
