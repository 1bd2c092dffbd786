//===- ParseValueTest.cpp - Checked parsing of command-line values --------===//
#include "tilesplit/Support/ParseValue.h"

#include "gtest/gtest.h"

namespace tilesplit::test {
namespace {

TEST(ParseValue, UnsignedTakesOnlyAWholeDecimalInRange) {
  EXPECT_EQ(parseUnsigned("0"), 0u);
  EXPECT_EQ(parseUnsigned("4294967295", UINT32_MAX), 4294967295u);
  EXPECT_EQ(parseUnsigned("4294967296", UINT32_MAX), std::nullopt);
  EXPECT_EQ(parseUnsigned("18446744073709551616"), std::nullopt); // beyond uint64_t
  for (const char *Bad : {"", "-1", "+1", " 1", "1 ", "1x", "0x10", "1.0"})
    EXPECT_EQ(parseUnsigned(Bad), std::nullopt) << "'" << Bad << "'";
}

TEST(ParseValue, NumberIsFiniteAndWhole) {
  EXPECT_EQ(parseNumber("0.5"), 0.5);
  EXPECT_EQ(parseNumber("-2"), -2.0);
  EXPECT_EQ(parseNumber("1e-3"), 1e-3);
  EXPECT_EQ(parseNumber("0.10000000000000001"), 0.1);
  for (const char *Bad : {"", "abc", "1.5junk", " 1", "1 ", "nan", "inf", "-inf", "1e400",
                          "0x1p3", "1,5"})
    EXPECT_EQ(parseNumber(Bad), std::nullopt) << "'" << Bad << "'";
}

TEST(ParseValue, FractionIsANumberFromZeroToOne) {
  EXPECT_EQ(parseFraction("0"), 0.0);
  EXPECT_EQ(parseFraction("0.05"), 0.05);
  EXPECT_EQ(parseFraction("1"), 1.0);
  EXPECT_EQ(parseFraction("1e-3"), 1e-3);
  for (const char *Bad : {"", "-0.1", "1.0001", "2", "nan", "inf", "5%", "0.5 "})
    EXPECT_EQ(parseFraction(Bad), std::nullopt) << "'" << Bad << "'";
}

TEST(ParseValue, XxYIsTwoPositiveIntegersUpToMax) {
  EXPECT_EQ(parseXxY("4x3", 16), std::make_pair(std::uint64_t(4), std::uint64_t(3)));
  EXPECT_EQ(parseXxY("16x16", 16), std::make_pair(std::uint64_t(16), std::uint64_t(16)));
  for (const char *Bad : {"17x1", "1x17", "0x4", "4x0", "x4", "4x", "x", "4", "-1x2", "4x4junk",
                          "4x4x4", "4X4", " 4x4", "99999999999x2"})
    EXPECT_EQ(parseXxY(Bad, 16), std::nullopt) << "'" << Bad << "'";
}

TEST(ParseValue, TensorSizes) {
  unsigned Rows = 0, Cols = 0;
  EXPECT_EQ(checkTensorSize("64x96", Rows, Cols), nullptr);
  EXPECT_EQ(Rows, 64u);
  EXPECT_EQ(Cols, 96u);
  EXPECT_EQ(checkTensorSize("16384x16384", Rows, Cols), nullptr); // exactly 2^28 elements
  EXPECT_STREQ(checkTensorSize("48x32", Rows, Cols), "ROWS and COLS must be multiples of 32");
  EXPECT_STREQ(checkTensorSize("32768x16384", Rows, Cols), "more than 268435456 (2^28) elements");
  // Factors whose product would wrap around 2^64.
  EXPECT_STREQ(checkTensorSize("4294967296x4294967296", Rows, Cols),
               "more than 268435456 (2^28) elements");
  EXPECT_STREQ(checkTensorSize("0x32", Rows, Cols), "not ROWSxCOLS with positive ROWS and COLS");
  EXPECT_STREQ(checkTensorSize("-32x64", Rows, Cols), "not ROWSxCOLS with positive ROWS and COLS");
}

TEST(ParseValue, FloatRanges) {
  float Lo = 0, Hi = 0;
  EXPECT_EQ(checkFloatRange("-1", "1", Lo, Hi), nullptr);
  EXPECT_EQ(Lo, -1.0f);
  EXPECT_EQ(Hi, 1.0f);
  EXPECT_EQ(checkFloatRange("2", "2", Lo, Hi), nullptr); // a constant input
  EXPECT_STREQ(checkFloatRange("nan", "1", Lo, Hi), "LO is not a finite number");
  EXPECT_STREQ(checkFloatRange("0", "", Lo, Hi), "HI is not a finite number");
  EXPECT_STREQ(checkFloatRange("-1e50", "1", Lo, Hi), "LO is outside the range of float");
  EXPECT_STREQ(checkFloatRange("0", "1e39", Lo, Hi), "HI is outside the range of float");
  EXPECT_STREQ(checkFloatRange("1", "-1", Lo, Hi), "LO is greater than HI");
  EXPECT_STREQ(checkFloatRange("-3e38", "3e38", Lo, Hi), "HI - LO is outside the range of float");
}

} // namespace
} // namespace tilesplit::test
