#pragma once
// One table of names per enum: the deck parses with it, messages and files
// print with it, so a name is spelled in one place.
//   constexpr std::array<EnumName<Limiter>, 3> kLimiterNames{{{"minmod", Limiter::minmod}, ...}};
#include <array>
#include <cstddef>
#include <string>

namespace slabhydro {

template <class E>
struct EnumName {
  const char* name;
  E value;
};

template <class E, std::size_t N>
const char* name_of(const std::array<EnumName<E>, N>& table, E v) {
  for (const EnumName<E>& e : table)
    if (e.value == v) return e.name;
  return "?";
}

// False if `s` is not a name of the table.
template <class E, std::size_t N>
bool value_of(const std::array<EnumName<E>, N>& table, const std::string& s, E& v) {
  for (const EnumName<E>& e : table)
    if (s == e.name) {
      v = e.value;
      return true;
    }
  return false;
}

// "a | b | c"
template <class E, std::size_t N>
std::string names_text(const std::array<EnumName<E>, N>& table) {
  std::string t;
  for (const EnumName<E>& e : table) t += (t.empty() ? "" : " | ") + std::string(e.name);
  return t;
}

}  // namespace slabhydro
