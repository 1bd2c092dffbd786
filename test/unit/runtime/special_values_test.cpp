// NaN, infinities, subnormals and -0 in the CPU reference: every operation against the hand-written
// table of ../special_values_cases.h (the same table the emulator is tested against), and the
// reads and stores of tensor tiles.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>

#include <tilesplit/tile.hpp>

#include "../special_values_cases.h"

using tilesplit::bf16;
using tilesplit::Tensor;
using tilesplit::Tile;
namespace ts = tilesplit;
namespace sc = special_cases;

namespace {

float widen(std::uint16_t b) { return bf16::from_bits(b).to_float(); }
std::uint32_t bits(float f) {
  std::uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}

::testing::AssertionResult is(float got, std::uint32_t want) {
  if (sc::same_result(bits(got), want)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "got " << sc::hex(bits(got)) << ", want " << sc::hex(want);
}

Tile unary(sc::Unary op, const Tile& t) {
  switch (op) {
    case sc::Unary::exp: return ts::exp(t);
    case sc::Unary::log: return ts::log(t);
    case sc::Unary::sqrt: return ts::sqrt(t);
    case sc::Unary::rsqrt: return ts::rsqrt(t);
    case sc::Unary::recip: return ts::recip(t);
    case sc::Unary::relu: return ts::relu(t);
    case sc::Unary::gelu: return ts::gelu(t);
    case sc::Unary::sigmoid: return ts::sigmoid(t);
    case sc::Unary::tanh: return ts::tanh(t);
    case sc::Unary::abs: return ts::abs(t);
    case sc::Unary::square: return ts::square(t);
    case sc::Unary::neg: return ts::neg(t);
  }
  return t;
}

}  // namespace

TEST(SpecialValues, UnaryOps) {
  for (const sc::UnaryCase& k : sc::unary_cases()) {
    SCOPED_TRACE(std::string(sc::name(k.op)) + " of bf16 " + sc::hex(k.in));
    const Tile out = unary(k.op, ts::fill(widen(k.in)));
    EXPECT_TRUE(is(out(3, 7), k.out));
    // Through a tensor: read, compute, store to bf16 (the packer's rounding) and to float.
    Tensor<bf16> x(32, 32), y(32, 32);
    x.at(3, 7) = bf16::from_bits(k.in);
    y.tile(0) = unary(k.op, x.tile(0));
    EXPECT_EQ(y.at(3, 7).bits(), sc::stored_bf16(k.out));
    Tensor<float> yf(32, 32);
    yf.tile(0) = unary(k.op, x.tile(0));
    EXPECT_TRUE(is(yf.at(3, 7), k.out));
  }
}

TEST(SpecialValues, BinaryOps) {
  for (const sc::BinaryCase& k : sc::binary_cases()) {
    SCOPED_TRACE(std::string(sc::name(k.op)) + " of " + sc::hex(k.a) + ", " + sc::hex(k.b));
    const Tile a = ts::fill(widen(k.a)), b = ts::fill(widen(k.b));
    const float s = widen(k.b);
    switch (k.op) {
      case sc::Binary::add:
        EXPECT_TRUE(is((a + b)(0, 0), k.out));
        EXPECT_TRUE(is((a + s)(0, 0), k.out));
        EXPECT_TRUE(is((s + a)(0, 0), k.out));
        break;
      case sc::Binary::sub:
        EXPECT_TRUE(is((a - b)(0, 0), k.out));
        EXPECT_TRUE(is((a - s)(0, 0), k.out));
        break;
      case sc::Binary::mul:
        EXPECT_TRUE(is((a * b)(0, 0), k.out));
        EXPECT_TRUE(is((a * s)(0, 0), k.out));
        EXPECT_TRUE(is((s * a)(0, 0), k.out));
        break;
    }
  }
  // Compound assignment is the same operation.
  Tile t = ts::fill(INFINITY);
  t -= ts::fill(INFINITY);
  EXPECT_TRUE(is(t(0, 0), sc::rPosNan));
  t = ts::fill(1e-30f);
  t *= 1e-20f;  // 1e-50: below the float range, +0
  EXPECT_TRUE(is(t(0, 0), sc::rZero));
}

TEST(SpecialValues, MaxReductions) {
  const std::vector<sc::MaxCase> cases = sc::max_cases();
  for (std::size_t n = 0; n < cases.size(); ++n) {
    const sc::MaxCase& k = cases[n];
    SCOPED_TRACE("max case " + std::to_string(n));
    Tile row = ts::fill(widen(k.fill)), col = row;
    for (std::size_t i = 0; i < k.values.size(); ++i) {
      row(5, 31 - i) = widen(k.values[i]);  // scanned last, so the order of the scan cannot matter
      col(31 - i, 5) = widen(k.values[i]);
    }
    EXPECT_TRUE(is(ts::row_max(row)(5, 0), k.out));
    EXPECT_TRUE(is(ts::col_max(col)(0, 5), k.out));
    Tile all = ts::fill(widen(k.fill));
    for (std::size_t i = 0; i < k.values.size(); ++i) all(i, i) = widen(k.values[i]);
    EXPECT_TRUE(is(ts::tile_max(all)(0, 0), k.out));
  }
}

TEST(SpecialValues, SumReductions) {
  const std::vector<sc::SumCase> cases = sc::sum_cases();
  for (std::size_t n = 0; n < cases.size(); ++n) {
    const sc::SumCase& k = cases[n];
    SCOPED_TRACE("sum case " + std::to_string(n));
    Tile row(ts::zeros()), col(ts::zeros());
    for (uint32_t i = 0; i < 32; ++i) {
      row(2, i) = i < k.values.size() ? widen(k.values[i]) : widen(k.fill);
      col(i, 2) = row(2, i);
    }
    EXPECT_TRUE(is(ts::row_sum(row)(2, 0), k.out));
    EXPECT_TRUE(is(ts::col_sum(col)(0, 2), k.out));
    EXPECT_TRUE(is(ts::tile_sum(row)(0, 0), k.out));
  }
}

TEST(SpecialValues, MatmulFollowsAddAndMul) {
  Tile x = ts::fill(1.0f), y = ts::fill(1.0f);
  x(0, 3) = INFINITY;
  y(3, 0) = 0.0f;  // inf * 0 = NaN poisons out(0, 0) only
  x(1, 0) = widen(sc::kNegNan);
  x(2, 0) = 1e-20f;  // 1e-20 * 1e-20 is a float subnormal: +0, the sum is 31
  y(0, 2) = 1e-20f;
  const Tile z = ts::matmul(x, y);
  EXPECT_TRUE(is(z(0, 0), sc::rPosNan));
  EXPECT_TRUE(is(z(0, 1), sc::rPosInf));
  EXPECT_TRUE(is(z(1, 5), sc::rPosNan));  // a NaN operand gives the positive quiet NaN
  EXPECT_EQ(z(2, 2), 31.0f);
}

TEST(SpecialValues, MovesKeepNanBitsAndFlushSubnormals) {
  Tile t;
  t(0, 0) = widen(sc::kNegNan);
  t(0, 1) = widen(sc::kNegSub);
  t(0, 2) = -0.0f;
  t(0, 3) = -INFINITY;
  for (const Tile& m : {ts::bcast_row(t), ts::transpose(ts::transpose(t)), ts::bcast_scalar(t)}) {
    EXPECT_TRUE(is(m(0, 0), sc::rNegNan));
  }
  const Tile r = ts::bcast_row(t);
  EXPECT_TRUE(is(r(9, 1), sc::rZero));
  EXPECT_TRUE(is(r(9, 2), sc::rZero));
  EXPECT_TRUE(is(r(9, 3), sc::rNegInf));
  EXPECT_TRUE(is(ts::bcast_col(ts::transpose(t))(1, 4), sc::rZero));
  EXPECT_TRUE(is(ts::fill(-1e-40f)(0, 0), sc::rZero));
}

TEST(SpecialValues, TensorTilesReadAndStoreAsTheHardware) {
  // Reading: subnormals and -0 are +0; NaN and infinities keep their bits.
  Tensor<bf16> h(32, 32);
  h.at(0, 0) = bf16::from_bits(sc::kNegSub);
  h.at(0, 1) = bf16::from_bits(sc::kNegZero);
  h.at(0, 2) = bf16::from_bits(sc::kNegNan);
  const Tile read = h.tile(0);
  EXPECT_TRUE(is(read(0, 0), sc::rZero));
  EXPECT_TRUE(is(read(0, 1), sc::rZero));
  EXPECT_TRUE(is(read(0, 2), sc::rNegNan));
  Tensor<float> f(32, 32);
  f.at(0, 0) = -1e-40f;
  f.at(0, 1) = NAN;
  EXPECT_TRUE(is(Tile(f.tile(0))(0, 0), sc::rZero));
  EXPECT_TRUE(is(Tile(f.tile(0))(0, 1), sc::rPosNan));
  // A copy to bf16 turns a NaN into the infinity of its sign; to float it stays a NaN.
  Tensor<bf16> out(32, 32);
  out.tile(0) = h.tile(0);
  EXPECT_EQ(out.at(0, 2).bits(), 0xff80);
  EXPECT_EQ(out.at(0, 1).bits(), 0x0000);
  Tensor<float> outf(32, 32);
  outf.tile(0) = h.tile(0);
  EXPECT_TRUE(is(outf.at(0, 2), sc::rNegNan));
  // bf16(float) itself is the IEEE-style conversion (a NaN stays a NaN): only stores pack.
  EXPECT_EQ(bf16(NAN).bits(), 0x7fc0);
  EXPECT_EQ(bf16(-0.0f).bits(), 0x8000);
}
