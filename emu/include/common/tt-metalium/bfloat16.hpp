// bfloat16 host type (tt-metal: tt-metalium/bfloat16.hpp): the top 16 bits of an IEEE float, converted
// from float with round-to-nearest-even (NaN stays NaN).
#pragma once

#include <cstdint>
#include <cstring>
#include <type_traits>

class bfloat16 {
 public:
  static constexpr std::size_t SIZEOF = 2;

  constexpr bfloat16() = default;
  // From any arithmetic value, via float (round to nearest even).
  template <typename T, typename = std::enable_if_t<std::is_arithmetic_v<T>>>
  bfloat16(T value) : bits_(round_from_float(static_cast<float>(value))) {}

  static bfloat16 from_bits(std::uint16_t bits) {
    bfloat16 b;
    b.bits_ = bits;
    return b;
  }
  static std::uint16_t round_from_float(float f) {
    std::uint32_t u;
    std::memcpy(&u, &f, 4);
    if ((u & 0x7f800000u) == 0x7f800000u && (u & 0x007fffffu) != 0) {
      return static_cast<std::uint16_t>((u >> 16) | 0x40);  // quiet NaN
    }
    u += 0x7fffu + ((u >> 16) & 1u);
    return static_cast<std::uint16_t>(u >> 16);
  }

  float to_float() const {
    const std::uint32_t u = static_cast<std::uint32_t>(bits_) << 16;
    float f;
    std::memcpy(&f, &u, 4);
    return f;
  }
  std::uint16_t to_uint16() const { return bits_; }
  std::uint32_t to_packed() const { return bits_; }
  explicit operator float() const { return to_float(); }

  friend bool operator==(const bfloat16& a, const bfloat16& b) { return a.bits_ == b.bits_; }
  friend bool operator!=(const bfloat16& a, const bfloat16& b) { return a.bits_ != b.bits_; }

 private:
  std::uint16_t bits_ = 0;
};

static_assert(sizeof(bfloat16) == 2, "bfloat16 must be 2 bytes (it is copied to device buffers as is)");
