#pragma once
// Every setting of a command in one table: its key, type, default, allowed
// values, one line of help, how it is read (parsed, checked, stored in the
// command's config) and how it is printed. The deck parser takes its schema
// from the table (keys_of); `slabhydro run --help` and the README's key
// tables (keys_markdown, tested against the README), the run header
// (header_text) and the restart's comparison with a checkpoint
// (fixed_at_restart) read it too. Adding a key is one entry in one table:
// app/run_settings.cpp, app/problem_settings.cpp, app/file_settings.hpp or
// bench/bench_settings.cpp.
//
//   real_setting<RunConfig>("hydro.cfl", 0.4, "Courant number", in_interval(0, 1, true, false),
//                           [](auto& c) -> auto& { return c.hydro.cfl; })
#include <array>
#include <functional>
#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include "app/deck.hpp"
#include "common/enum_names.hpp"
#include "common/number_text.hpp"

namespace slabhydro {

// A map as the deck writes it: "{a: 1, b: x}".
std::string map_text(const std::map<std::string, std::string>& m);

// Allowed numbers: refuse(x) is "" or the message ("must be in (0, 1], got 1.5").
template <class T>
struct NumberRule {
  std::string text;  // for --help, e.g. "in (0, 1]"
  std::function<std::string(T)> refuse;
};
using RealRule = NumberRule<double>;
using IntRule = NumberRule<long long>;
RealRule any_finite();       // "finite"
RealRule positive();         // "> 0"
RealRule off_or_positive();  // ">= 0 (0: off)"
RealRule in_interval(double lo, double hi, bool lo_open, bool hi_open);
IntRule at_least(long long lo, long long hi = 1LL << 30);  // "in [lo, 2^30]"
IntRule off_or_count();                                    // ">= 0 (0: off)"
IntRule none_or_count();                                   // "-1 (none) or >= 0"

template <class Config>
struct Setting {
  KeySpec spec;
  std::string help;  // one line, with the allowed values
  std::function<void(const Deck&, Config&)> read;
  std::function<std::string(const Config&)> show;
  // At a restart: the checkpoint attribute that must hold the same value
  // (nullptr: may change), or a change that is allowed with a note.
  const char* checkpoint_attribute = nullptr;
  bool note_when_changed = false;

  Setting& fixed_at_restart(const char* attribute) {
    checkpoint_attribute = attribute;
    return *this;
  }
  Setting& noted_at_restart() {
    note_when_changed = true;
    return *this;
  }
};

template <class Config>
using Settings = std::vector<Setting<Config>>;

// --- the kinds of setting ---------------------------------------------------
// `get` is a generic lambda returning a reference to the member:
//   [](auto& c) -> auto& { return c.mesh.nx; }

namespace setting_detail {
inline double read_number(const Deck& d, const char* key, double*) { return d.get_real(key); }
inline long long read_number(const Deck& d, const char* key, long long*) { return d.get_int(key); }
inline std::string number_shown(double x) { return number_text(x); }
inline std::string number_shown(long long x) { return std::to_string(x); }

template <class C, class T, class Get>
Setting<C> number(const char* key, KeyType type, T def, const char* help, NumberRule<T> rule,
                  Get get) {
  const std::string h = std::string(help) + (rule.text.empty() ? "" : ", " + rule.text);
  return {{key, type, number_shown(def), false},
          h,
          [=](const Deck& d, C& c) {
            const T x = read_number(d, key, static_cast<T*>(nullptr));
            const std::string bad = rule.refuse(x);
            if (!bad.empty()) d.fail(key, bad);
            using M = std::decay_t<decltype(get(c))>;
            get(c) = static_cast<M>(x);
          },
          [=](const C& c) { return number_shown(static_cast<T>(get(c))); }};
}

// A setting without a default: the deck must give it.
template <class C>
Setting<C> required(Setting<C> s) {
  s.spec.fallback.clear();
  s.spec.required = true;
  return s;
}
}  // namespace setting_detail

template <class C, class Get>
Setting<C> real_setting(const char* key, double def, const char* help, RealRule rule, Get get) {
  return setting_detail::number<C>(key, KeyType::real, def, help, rule, get);
}

template <class C, class Get>
Setting<C> required_real(const char* key, const char* help, RealRule rule, Get get) {
  return setting_detail::required(real_setting<C>(key, 0.0, help, rule, get));
}

template <class C, class Get>
Setting<C> int_setting(const char* key, long long def, const char* help, IntRule rule, Get get) {
  return setting_detail::number<C>(key, KeyType::integer, def, help, rule, get);
}

template <class C, class Get>
Setting<C> required_int(const char* key, const char* help, IntRule rule, Get get) {
  return setting_detail::required(int_setting<C>(key, 0, help, rule, get));
}

template <class C, class E, std::size_t N, class Get>
Setting<C> choice_setting(const char* key, E def, const char* help,
                          const std::array<EnumName<E>, N>& names, Get get) {
  return {{key, KeyType::string, name_of(names, def), false},
          std::string(help) + ": " + names_text(names),
          [=](const Deck& d, C& c) {
            const std::string v = d.get_string(key);
            if (!value_of(names, v, get(c)))
              d.fail(key, "must be one of " + names_text(names) + ", got '" + v + "'");
          },
          [=](const C& c) { return std::string(name_of(names, get(c))); }};
}

// A string; check(value) is "" or the message.
template <class C, class Get, class Check>
Setting<C> string_setting(const char* key, const char* def, const char* help, Check check,
                          Get get) {
  return {{key, KeyType::string, def, false},
          help,
          [=](const Deck& d, C& c) {
            const std::string v = d.get_string(key);
            const std::string bad = check(v);
            if (!bad.empty()) d.fail(key, bad);
            get(c) = v;
          },
          [=](const C& c) { return std::string(get(c)); }};
}

template <class C, class Get>
Setting<C> bool_setting(const char* key, bool def, const char* help, Get get) {
  return {{key, KeyType::boolean, def ? "true" : "false", false},
          help,
          [=](const Deck& d, C& c) { get(c) = d.get_bool(key); },
          [=](const C& c) { return std::string(get(c) ? "true" : "false"); }};
}

// --- a table at work -----------------------------------------------------------

template <class C>
KeyList keys_of(const Settings<C>& t) {
  KeyList s;
  for (const Setting<C>& x : t) s.push_back(x.spec);
  return s;
}

template <class C>
void read_settings(const Settings<C>& t, const Deck& d, C& c) {
  for (const Setting<C>& x : t) x.read(d, c);
}

// The settings of an inner struct, read into Outer through `part`.
template <class Outer, class Inner, class Part>
Settings<Outer> nested(const Settings<Inner>& t, Part part) {
  Settings<Outer> out;
  for (const Setting<Inner>& x : t)
    out.push_back({x.spec, x.help, [r = x.read, part](const Deck& d, Outer& o) { r(d, part(o)); },
                   [s = x.show, part](const Outer& o) { return s(part(o)); },
                   x.checkpoint_attribute, x.note_when_changed});
  return out;
}

// One line per section, "  section     key = value, key = value".
template <class C>
std::string header_text(const Settings<C>& t, const C& c);

// One line per key: "  hydro.cfl [0.4]  Courant number, in (0, 1]" (* for required).
std::string keys_help_line(const KeySpec& k, const std::string& help);
// One table row: "| `hydro.cfl` [0.4] | Courant number, in (0, 1] |".
std::string keys_markdown_row(const KeySpec& k, const std::string& help);

template <class C>
std::string keys_help(const Settings<C>& t) {
  std::string s;
  for (const Setting<C>& x : t) s += keys_help_line(x.spec, x.help);
  return s;
}

template <class C>
std::string keys_markdown(const Settings<C>& t) {
  std::string s = "| key [default] | meaning |\n| --- | --- |\n";
  for (const Setting<C>& x : t) s += keys_markdown_row(x.spec, x.help);
  return s;
}

std::string header_line(const std::string& section, const std::vector<std::string>& items);

template <class C>
std::string header_text(const Settings<C>& t, const C& c) {
  std::string out, section;
  std::vector<std::string> items;
  for (const Setting<C>& x : t) {
    std::string name;
    const std::string sec = x.spec.key.substr(0, x.spec.key.find('.'));
    name = x.spec.key.substr(sec.size() + 1);
    if (sec != section && !items.empty()) {
      out += header_line(section, items);
      items.clear();
    }
    section = sec;
    items.push_back(name + " = " + x.show(c));
  }
  if (!items.empty()) out += header_line(section, items);
  return out;
}

}  // namespace slabhydro
