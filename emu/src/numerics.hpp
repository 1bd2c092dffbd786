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

// ---- Special values: NaN, infinities, subnormals and -0 --------------------------------------------
// The emulator's one place for them, the same rules as the CPU reference's (runtime tile.hpp,
// "Special values"); docs/emulator.md#special-values has the table and the hardware sources.
//   - Every operation reads a subnormal or -0 operand as +0 (the FPU reads subnormals as zero and
//     MOVA2D/MOVB2D flush them and -0 to +0: tt-isa-documentation FloatBitPatterns.md, ttsim;
//     SFPMAD.md: "Denormal inputs are treated as if they were zero"). unpack() applies it.
//   - Arithmetic writes a subnormal or -0 result as +0 (SFPMAD.md; the FPU's results underflow to
//     +0), and a NaN result as one quiet NaN (the SFPU leaves a NaN's sign and payload unspecified).
//   - The packer's rounding to bf16 turns a NaN into an infinity of its sign and subnormals and -0
//     into +0 (Packers/FormatConversion.md; tt-llk cpack_common.h sets the raw mode only for int8).
//   - Not modelled: the FPU reads exponent 255 as an ordinary exponent (NaN + 1 = inf, inf - inf =
//     +0, inf * 0 = +0 on add_tiles, mul_tiles, matmul and reduce); the emulator follows the SFPU's
//     IEEE rules on both paths, because the same source operation reaches either.

constexpr std::uint32_t kQuietNan = 0x7fc00000u;

inline bool is_nan(float x) { return (float_to_bits(x) & 0x7fffffffu) > 0x7f800000u; }
inline bool sign_bit(float x) { return (float_to_bits(x) & 0x80000000u) != 0; }
// An operand as an operation reads it: a subnormal or zero of either sign is +0.
inline float operand(float x) { return (float_to_bits(x) & 0x7f800000u) == 0 ? 0.0f : x; }
// An arithmetic result as an operation writes it: NaN -> the quiet NaN, subnormal or -0 -> +0.
inline float result(float r) {
  if (is_nan(r)) return bits_to_float(kQuietNan);
  return (float_to_bits(r) & 0x7f800000u) == 0 ? 0.0f : r;
}
// The sign-magnitude total order of SFPSWAP and of the FPU's max pool (GMPOOL):
// -NaN < -inf < ... < -0 < +0 < ... < +inf < +NaN.
inline std::int64_t total_order(float x) {
  const std::uint32_t u = float_to_bits(x);
  return (u & 0x80000000u) ? -static_cast<std::int64_t>(u & 0x7fffffffu) - 1 : static_cast<std::int64_t>(u);
}
// The larger of a and b in total_order (b on a tie).
inline float order_max(float a, float b) { return total_order(b) >= total_order(a) ? b : a; }
// A DST value as pack_tile writes it to a bf16 CB.
inline std::uint16_t pack_bf16(float x) {
  const std::uint32_t u = float_to_bits(x);
  if (is_nan(x)) return static_cast<std::uint16_t>(((u >> 16) & 0x8000u) | 0x7f80u);
  return float_to_bf16(operand(x));
}

// Index within a 32x32 tile of element (r, c): four 16x16 faces (TL, TR, BL, BR), each row-major.
constexpr std::size_t tile_index(std::size_t r, std::size_t c) {
  return ((r / 16) * 2 + (c / 16)) * 256 + (r % 16) * 16 + (c % 16);
}

constexpr std::uint32_t kTileElems = 1024;

}  // namespace tilesplit::emu
