#include "io/meta_checksum.hpp"

#include <cstring>

#include "solver/digest.hpp"

namespace slabhydro {
namespace {

constexpr std::uint64_t kMetaSeed = 0x6d65746164617461ULL;  // "metadata"

std::uint64_t mix_bytes(std::uint64_t h, const std::string& s) {
  h = hash_mix(h, static_cast<std::uint64_t>(s.size()));
  for (std::size_t k = 0; k < s.size(); k += 8) {
    std::uint64_t w = 0;
    for (std::size_t b = 0; b < 8 && k + b < s.size(); ++b)
      w |= std::uint64_t(static_cast<unsigned char>(s[k + b])) << (8 * b);
    h = hash_mix(h, w);
  }
  return h;
}

}  // namespace

void MetaChecksum::add(const std::string& name, double v) {
  items_[name] = {1, double_bits(v), {}};
}

void MetaChecksum::add(const std::string& name, long long v) {
  items_[name] = {2, static_cast<std::uint64_t>(v), {}};
}

void MetaChecksum::add(const std::string& name, const std::string& v) { items_[name] = {3, 0, v}; }

std::uint64_t MetaChecksum::value() const {
  std::uint64_t h = kMetaSeed;
  for (const auto& kv : items_) {
    h = mix_bytes(h, kv.first);
    h = hash_mix(h, static_cast<std::uint64_t>(kv.second.tag));
    h = kv.second.tag == 3 ? mix_bytes(h, kv.second.text) : hash_mix(h, kv.second.word);
  }
  return h;
}

std::string hex64(std::uint64_t v) { return digest_hex(v); }

bool parse_hex64(const std::string& hex, std::uint64_t& v) {
  if (hex.size() != 16) return false;
  std::uint64_t d = 0;
  for (char c : hex) {
    int x = -1;
    if (c >= '0' && c <= '9') x = c - '0';
    if (c >= 'a' && c <= 'f') x = c - 'a' + 10;
    if (x < 0) return false;
    d = d << 4 | std::uint64_t(x);
  }
  v = d;
  return true;
}

}  // namespace slabhydro
