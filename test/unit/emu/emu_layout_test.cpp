// Host-side data layout: bf16 rounding, the tile's face layout, tilize/untilize.
#include "emu_test_util.hpp"

namespace emu_test {
namespace {

std::uint16_t bits_of(float f) { return bfloat16(f).to_uint16(); }
float from_bits(std::uint32_t u) {
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}

TEST(Layout, Bf16RoundToNearestEven) {
  EXPECT_EQ(bits_of(1.0f), 0x3F80);
  EXPECT_EQ(bits_of(-2.0f), 0xC000);
  // Exactly halfway between 0x3F80 and 0x3F81: ties go to the even one (0x3F80).
  EXPECT_EQ(bits_of(from_bits(0x3F808000)), 0x3F80);
  // Halfway between 0x3F81 and 0x3F82: to the even 0x3F82.
  EXPECT_EQ(bits_of(from_bits(0x3F818000)), 0x3F82);
  // Just above halfway rounds up; just below rounds down.
  EXPECT_EQ(bits_of(from_bits(0x3F808001)), 0x3F81);
  EXPECT_EQ(bits_of(from_bits(0x3F807FFF)), 0x3F80);
  // Rounding carries into the exponent.
  EXPECT_EQ(bits_of(from_bits(0x3FFFFFFF)), 0x4000);
  EXPECT_EQ(bits_of(std::numeric_limits<float>::infinity()), 0x7F80);
  EXPECT_TRUE(std::isnan(bfloat16(std::nanf("")).to_float()));
  EXPECT_EQ(bfloat16(3).to_float(), 3.0f);
  EXPECT_EQ(bfloat16::from_bits(0x4040).to_float(), 3.0f);
}

TEST(Layout, FaceOrder) {
  // Element (r, c) of a 32x32 matrix: faces TL, TR, BL, BR of 16x16, each row-major.
  std::vector<std::uint32_t> m(1024);
  for (std::uint32_t i = 0; i < 1024; ++i) m[i] = i;  // value = r * 32 + c
  const auto t = tilize_nfaces(m, 32, 32);
  EXPECT_EQ(t[0], 0u);              // (0,0)
  EXPECT_EQ(t[15], 15u);            // (0,15)
  EXPECT_EQ(t[16], 32u);            // (1,0): face rows are 16 wide
  EXPECT_EQ(t[256], 16u);           // (0,16): first element of the top-right face
  EXPECT_EQ(t[512], 16u * 32);      // (16,0): bottom-left face
  EXPECT_EQ(t[768], 16u * 32 + 16); // (16,16): bottom-right face
  EXPECT_EQ(t[1023], 1023u);
}

TEST(Layout, TilizeRoundTripMultiTile) {
  const std::uint32_t m = 64, n = 96;
  std::vector<float> v(m * n);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<float>(i);
  const auto t = tilize_nfaces(v, m, n);
  // Tiles are row-major: tile 1 holds columns 32..63 of rows 0..31.
  EXPECT_EQ(t[1024], v[32]);
  EXPECT_EQ(t[3 * 1024], v[32 * n]);  // tile 3 = second tile row, first column
  EXPECT_EQ(untilize_nfaces(t, m, n), v);
  EXPECT_THROW(tilize_nfaces(v, 60, 96), std::invalid_argument);
}

}  // namespace
}  // namespace emu_test
