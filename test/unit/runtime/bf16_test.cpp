// bf16: round-to-nearest-even from float, exact widening to float.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>

#include <tilesplit/tile.hpp>

using tilesplit::bf16;

namespace {

float from_bits32(uint32_t u) {
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}
uint32_t bits32(float f) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}
uint16_t round_bits(uint32_t u) { return bf16(from_bits32(u)).bits(); }

// The value of a bf16 magnitude pattern m (sign dropped) with an unbounded exponent: patterns up to
// 0x7F7F are ordinary numbers, 0x7F80 stands for 2^128 (the next step after the largest finite).
double magnitude(uint16_t m) {
  if (m == 0x7F80) return std::ldexp(1.0, 128);
  return double(from_bits32(uint32_t(m) << 16));
}

// Independent reference for non-NaN x: pick the nearer of the two neighbouring bf16 values,
// comparing exact distances in double; on a tie the one with an even last bit.
uint16_t reference_round(uint32_t u) {
  const uint16_t sign = uint16_t((u >> 16) & 0x8000);
  const uint32_t mag = u & 0x7FFFFFFF;
  if (mag == 0x7F800000) return uint16_t(sign | 0x7F80);  // infinity
  const double x = double(from_bits32(mag));
  const uint16_t lo = uint16_t(mag >> 16), hi = uint16_t(lo + 1);
  const double dlo = x - magnitude(lo), dhi = magnitude(hi) - x;
  uint16_t m = dlo < dhi ? lo : dhi < dlo ? hi : (lo % 2 == 0 ? lo : hi);
  return uint16_t(sign | m);
}

}  // namespace

TEST(Bf16, ExactValues) {
  EXPECT_EQ(bf16(1.0f).bits(), 0x3F80);
  EXPECT_EQ(bf16(-2.0f).bits(), 0xC000);
  EXPECT_EQ(bf16(0.0f).bits(), 0x0000);
  EXPECT_EQ(bf16().bits(), 0x0000);
  EXPECT_EQ(bf16(3.140625f).bits(), 0x4049);
  EXPECT_EQ(bf16::from_bits(0x4049).to_float(), 3.140625f);
}

TEST(Bf16, TiesToEven) {
  // 1 + 2^-8 lies exactly between 0x3F80 (even) and 0x3F81: rounds down to even.
  EXPECT_EQ(round_bits(0x3F808000), 0x3F80);
  // 1 + 3*2^-8 lies between 0x3F81 and 0x3F82 (even): rounds up to even.
  EXPECT_EQ(round_bits(0x3F818000), 0x3F82);
  EXPECT_EQ(round_bits(0xBF808000), 0xBF80);
  EXPECT_EQ(round_bits(0xBF818000), 0xBF82);
}

TEST(Bf16, JustAboveAndBelowHalfway) {
  EXPECT_EQ(round_bits(0x3F807FFF), 0x3F80);  // below half: down
  EXPECT_EQ(round_bits(0x3F808001), 0x3F81);  // above half: up
  EXPECT_EQ(round_bits(0x3F817FFF), 0x3F81);
  EXPECT_EQ(round_bits(0x3F818001), 0x3F82);
  EXPECT_EQ(round_bits(0x3F80FFFF), 0x3F81);
  EXPECT_EQ(round_bits(0x3F80FFFF + 1), 0x3F81);  // exactly representable
  // Carry out of the mantissa into the exponent: 1.99999988 rounds to 2.
  EXPECT_EQ(round_bits(0x3FFFFFFF), 0x4000);
}

TEST(Bf16, MaxFiniteAndOverflow) {
  const float max_bf16 = bf16::from_bits(0x7F7F).to_float();
  EXPECT_EQ(max_bf16, 0x1.FEp127f);
  EXPECT_EQ(bf16(max_bf16).bits(), 0x7F7F);
  EXPECT_EQ(round_bits(0x7F7F7FFF), 0x7F7F);  // just below halfway to 2^128: stays finite
  EXPECT_EQ(round_bits(0x7F7F8000), 0x7F80);  // halfway, 0x7F7F is odd: to even = +inf
  EXPECT_EQ(bf16(std::numeric_limits<float>::max()).bits(), 0x7F80);
  EXPECT_EQ(bf16(-std::numeric_limits<float>::max()).bits(), 0xFF80);
  EXPECT_EQ(bf16(std::numeric_limits<float>::infinity()).bits(), 0x7F80);
  EXPECT_EQ(bf16(-std::numeric_limits<float>::infinity()).bits(), 0xFF80);
  EXPECT_TRUE(std::isinf(bf16::from_bits(0x7F80).to_float()));
}

TEST(Bf16, NaNStaysQuietNaN) {
  const uint32_t nans[] = {0x7FC00000, 0xFFC00000, 0x7F800001, 0x7F80FFFF, 0x7F810000,
                           0xFFFFFFFF, 0x7FFFFFFF, 0xFF800001};
  for (uint32_t u : nans) {
    const uint16_t b = round_bits(u);
    SCOPED_TRACE(::testing::Message() << std::hex << "float bits 0x" << u << " -> 0x" << b);
    EXPECT_EQ(b & 0x7F80, 0x7F80);               // exponent all ones
    EXPECT_NE(b & 0x0040, 0);                    // quiet bit set (so never infinity)
    EXPECT_EQ(b & 0x8000, (u >> 16) & 0x8000);   // sign kept
    EXPECT_TRUE(std::isnan(bf16::from_bits(b).to_float()));
  }
  EXPECT_EQ(round_bits(0x7F800001), 0x7FC0);  // signalling NaN, payload only in the low bits
  EXPECT_EQ(round_bits(0x7F810000), 0x7FC1);  // top payload bits kept
  EXPECT_TRUE(std::isnan(float(bf16(std::numeric_limits<float>::quiet_NaN()))));
}

TEST(Bf16, NegativeZero) {
  EXPECT_EQ(bf16(-0.0f).bits(), 0x8000);
  const float f = bf16::from_bits(0x8000);
  EXPECT_EQ(f, 0.0f);
  EXPECT_TRUE(std::signbit(f));
  EXPECT_EQ(round_bits(0x80000001), 0x8000);  // tiny negative rounds to -0
}

TEST(Bf16, Subnormals) {
  EXPECT_EQ(round_bits(0x00000001), 0x0000);  // smallest float subnormal rounds to +0
  EXPECT_EQ(round_bits(0x00008000), 0x0000);  // tie, 0 is even
  EXPECT_EQ(round_bits(0x00008001), 0x0001);
  EXPECT_EQ(round_bits(0x00018000), 0x0002);  // tie, to even
  EXPECT_EQ(round_bits(0x007FFFFF), 0x0080);  // largest subnormal rounds up to smallest normal
  EXPECT_EQ(bf16::from_bits(0x0001).to_float(), std::ldexp(1.0f, -133));  // exact widening
  EXPECT_EQ(bf16(std::ldexp(1.0f, -133)).bits(), 0x0001);
}

TEST(Bf16, WideningIsExactAndRoundTrips) {
  for (uint32_t b = 0; b <= 0xFFFF; ++b) {
    const bf16 h = bf16::from_bits(uint16_t(b));
    const float f = h.to_float();
    ASSERT_EQ(bits32(f), b << 16);
    ASSERT_EQ(bits32(float(h)), b << 16);  // implicit conversion is the same
    if (!std::isnan(f)) {
      ASSERT_EQ(bf16(f).bits(), b);
    }
  }
}

TEST(Bf16, MatchesIndependentReference) {
  const uint32_t lows[] = {0x0000, 0x0001, 0x3FFF, 0x7FFF, 0x8000, 0x8001, 0xC000, 0xFFFF};
  for (uint32_t hi = 0; hi <= 0xFFFF; ++hi) {
    if ((hi & 0x7F80) == 0x7F80 && (hi & 0x7F) != 0) continue;  // NaNs: tested above
    for (uint32_t lo : lows) {
      const uint32_t u = (hi << 16) | lo;
      if (std::isnan(from_bits32(u))) continue;
      ASSERT_EQ(round_bits(u), reference_round(u)) << std::hex << "float bits 0x" << u;
    }
  }
  std::mt19937 rng(1234);
  for (int i = 0; i < 200000; ++i) {
    const uint32_t u = rng();
    if (std::isnan(from_bits32(u))) continue;
    ASSERT_EQ(round_bits(u), reference_round(u)) << std::hex << "float bits 0x" << u;
  }
}
