#pragma once
// A small streaming JSON writer (RFC 8259), two-space indented: objects,
// arrays, strings (escaped), numbers (17 significant digits; NaN and
// infinities, which JSON cannot hold, become null), booleans and null.
//   JsonWriter j;
//   j.begin_object().key("ranks").value(4).key("hints").begin_object().end_object().end_object();
//   std::string text = j.str();
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "common/number_text.hpp"

namespace slabhydro {

class JsonWriter {
 public:
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  JsonWriter& key(const std::string& k) {
    if (stack_.empty() || stack_.back().kind != '{' || pending_key_)
      throw Error("json: a key outside an object");
    separate();
    out_ += quote(k) + ": ";
    pending_key_ = true;
    return *this;
  }

  JsonWriter& value(const std::string& s) { return scalar(quote(s)); }
  JsonWriter& value(const char* s) { return scalar(quote(s)); }
  JsonWriter& value(bool b) { return scalar(b ? "true" : "false"); }
  JsonWriter& value(int x) { return scalar(std::to_string(x)); }
  JsonWriter& value(long long x) { return scalar(std::to_string(x)); }
  JsonWriter& value(unsigned long long x) { return scalar(std::to_string(x)); }
  JsonWriter& value(double x) {
    if (!std::isfinite(x)) return null();
    return scalar(exact_text(x));
  }
  JsonWriter& null() { return scalar("null"); }

  // The document; throws if an object or array is still open.
  std::string str() const {
    if (!stack_.empty()) throw Error("json: unclosed object or array");
    return out_ + "\n";
  }

  static std::string quote(const std::string& s) {
    std::string q = "\"";
    for (const unsigned char c : s) {
      switch (c) {
        case '"': q += "\\\""; break;
        case '\\': q += "\\\\"; break;
        case '\n': q += "\\n"; break;
        case '\r': q += "\\r"; break;
        case '\t': q += "\\t"; break;
        case '\b': q += "\\b"; break;
        case '\f': q += "\\f"; break;
        default:
          if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            q += buf;
          } else {
            q += static_cast<char>(c);  // UTF-8 passes through
          }
      }
    }
    return q + "\"";
  }

 private:
  struct Level {
    char kind;
    bool empty;
  };

  // Before a value or a key: a comma and a new line inside a container.
  void separate() {
    if (stack_.empty()) {
      if (!out_.empty()) throw Error("json: a second top-level value");
      return;
    }
    Level& l = stack_.back();
    if (l.kind == '{' && pending_key_) return;  // the value after its key
    out_ += l.empty ? "\n" : ",\n";
    out_.append(2 * stack_.size(), ' ');
    l.empty = false;
  }
  void check_value_place() {
    if (!stack_.empty() && stack_.back().kind == '{' && !pending_key_)
      throw Error("json: a value in an object needs a key");
  }
  JsonWriter& scalar(const std::string& text) {
    check_value_place();
    separate();
    out_ += text;
    pending_key_ = false;
    return *this;
  }
  JsonWriter& open(char kind) {
    check_value_place();
    separate();
    out_ += kind;
    pending_key_ = false;
    stack_.push_back({kind, true});
    return *this;
  }
  JsonWriter& close(char kind) {
    const char want = kind == '}' ? '{' : '[';
    if (stack_.empty() || stack_.back().kind != want || pending_key_)
      throw Error(std::string("json: unbalanced ") + kind);
    const bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty) {
      out_ += "\n";
      out_.append(2 * stack_.size(), ' ');
    }
    out_ += kind;
    return *this;
  }

  std::string out_;
  std::vector<Level> stack_;
  bool pending_key_ = false;
};

}  // namespace slabhydro
