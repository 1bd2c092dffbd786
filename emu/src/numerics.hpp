// Number formats and the tile layout, as the hardware has them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace tilesplit::emu {

inline float bits_to_float(std::uint32_t u) {
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}
inline std::uint32_t float_to_bits(float f) {
  std::uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}

// float -> bfloat16 bits, round to nearest even; NaN stays a (quiet) NaN.
inline std::uint16_t float_to_bf16(float f) {
  std::uint32_t u = float_to_bits(f);
  if ((u & 0x7f800000u) == 0x7f800000u && (u & 0x007fffffu) != 0) return static_cast<std::uint16_t>((u >> 16) | 0x40);
  u += 0x7fffu + ((u >> 16) & 1u);
  return static_cast<std::uint16_t>(u >> 16);
}
inline float bf16_to_float(std::uint16_t b) { return bits_to_float(static_cast<std::uint32_t>(b) << 16); }
inline float round_to_bf16(float f) { return bf16_to_float(float_to_bf16(f)); }

// Index within a 32x32 tile of element (r, c): four 16x16 faces (TL, TR, BL, BR), each row-major.
constexpr std::size_t tile_index(std::size_t r, std::size_t c) {
  return ((r / 16) * 2 + (c / 16)) * 256 + (r % 16) * 16 + (c % 16);
}

constexpr std::uint32_t kTileElems = 1024;

}  // namespace tilesplit::emu
