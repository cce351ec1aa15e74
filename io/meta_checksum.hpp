#pragma once
// The metadata checksum of a slabhydro file: 64 bits over the root attributes
// a reader relies on, stored with the file as `meta_checksum` (16 hex digits)
// and recomputed on every read, so that a changed bit in `time`, `step` or
// any other attribute is found before anything trusts it.
//
// Definition (README, "Checkpoint file format", so that other readers can
// check it): the attributes sorted by name (byte order); for each,
//   h = B(h, name); then  float64: h = M(h, 1), h = M(h, IEEE bits)
//                         int64:   h = M(h, 2), h = M(h, value as uint64)
//                         string:  h = M(h, 3), h = B(h, UTF-8 bytes)
// from h = 0x6d65746164617461 ("metadata"), with M = hash_mix of the state
// digest (solver/digest.hpp) and B(h, s) = M over len(s), then over each
// 8-byte little-endian word of s, the last one padded with zero bytes.
#include <cstdint>
#include <map>
#include <string>

namespace slabhydro {

class MetaChecksum {
 public:
  void add(const std::string& name, double v);
  void add(const std::string& name, long long v);
  void add(const std::string& name, const std::string& v);
  std::uint64_t value() const;

 private:
  struct Item {
    int tag = 0;             // 1 float64, 2 int64, 3 string
    std::uint64_t word = 0;  // the number's bits
    std::string text;
  };
  std::map<std::string, Item> items_;  // sorted by name
};

// 16 lowercase hex digits <-> 64 bits; false if `hex` is not exactly that.
std::string hex64(std::uint64_t v);
bool parse_hex64(const std::string& hex, std::uint64_t& v);

}  // namespace slabhydro
