// The special-value semantics of docs/emulator.md#special-values as test cases: one expected result
// per operation and input, written out by hand. runtime/special_values_test.cpp checks them on the
// CPU reference (<tilesplit/tile.hpp>), emu/emu_special_values_test.cpp on the emulator, so both
// sides are held to the same table.
//
// Inputs are bf16 bit patterns (the emulator's tests upload them exactly); expected results are the
// operation's float bits before any store. A NaN is expected by its sign bit only: the payload of a
// computed NaN is the quiet NaN 0x7fc00000 on both sides, but only its sign is observable after a
// bf16 store (which turns it into the infinity of that sign).
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace special_cases {

// bf16 inputs.
constexpr std::uint16_t kPosNan = 0x7fc0, kNegNan = 0xffc0, kPosInf = 0x7f80, kNegInf = 0xff80,
                        kPosZero = 0x0000, kNegZero = 0x8000, kPosSub = 0x0001, kNegSub = 0x807f,
                        kOne = 0x3f80, kNegOne = 0xbf80, kTwo = 0x4000, kNegFour = 0xc080,
                        kTiny = 0x1e3d;  // about 1e-20: tiny * tiny is a float subnormal
// float results.
constexpr std::uint32_t rPosNan = 0x7fc00000, rNegNan = 0xffc00000, rPosInf = 0x7f800000,
                        rNegInf = 0xff800000, rZero = 0x00000000, rOne = 0x3f800000,
                        rNegOne = 0xbf800000, rHalf = 0x3f000000, rTwo = 0x40000000;

enum class Unary { exp, log, sqrt, rsqrt, recip, relu, gelu, sigmoid, tanh, abs, square, neg };

inline const char* name(Unary op) {
  static const char* const names[] = {"exp",  "log",     "sqrt", "rsqrt", "recip",  "relu",
                                      "gelu", "sigmoid", "tanh", "abs",   "square", "neg"};
  return names[static_cast<int>(op)];
}

struct UnaryCase {
  Unary op;
  std::uint16_t in;
  std::uint32_t out;
};

// Every unary operation on NaN of both signs, both infinities, both zeros and subnormals of both
// signs, plus the negative operands of the functions defined only for x >= 0.
inline std::vector<UnaryCase> unary_cases() {
  using U = Unary;
  return {
      // exp: a NaN acts as an infinity of its sign.
      {U::exp, kPosNan, rPosInf}, {U::exp, kNegNan, rZero}, {U::exp, kPosInf, rPosInf},
      {U::exp, kNegInf, rZero}, {U::exp, kPosZero, rOne}, {U::exp, kNegZero, rOne},
      {U::exp, kPosSub, rOne}, {U::exp, kNegSub, rOne},
      // log
      {U::log, kPosNan, rPosNan}, {U::log, kNegNan, rPosNan}, {U::log, kPosInf, rPosInf},
      {U::log, kNegInf, rPosNan}, {U::log, kPosZero, rNegInf}, {U::log, kNegZero, rNegInf},
      {U::log, kPosSub, rNegInf}, {U::log, kNegSub, rNegInf}, {U::log, kNegOne, rPosNan},
      // sqrt
      {U::sqrt, kPosNan, rPosNan}, {U::sqrt, kNegNan, rPosNan}, {U::sqrt, kPosInf, rPosInf},
      {U::sqrt, kNegInf, rPosNan}, {U::sqrt, kPosZero, rZero}, {U::sqrt, kNegZero, rZero},
      {U::sqrt, kPosSub, rZero}, {U::sqrt, kNegSub, rZero}, {U::sqrt, kNegFour, rPosNan},
      // rsqrt
      {U::rsqrt, kPosNan, rPosNan}, {U::rsqrt, kNegNan, rPosNan}, {U::rsqrt, kPosInf, rZero},
      {U::rsqrt, kNegInf, rPosNan}, {U::rsqrt, kPosZero, rPosInf}, {U::rsqrt, kNegZero, rPosInf},
      {U::rsqrt, kPosSub, rPosInf}, {U::rsqrt, kNegSub, rPosInf}, {U::rsqrt, kNegFour, rPosNan},
      // recip: exponent 255 (NaN and infinities) gives 0; zeros (and subnormals) +inf.
      {U::recip, kPosNan, rZero}, {U::recip, kNegNan, rZero}, {U::recip, kPosInf, rZero},
      {U::recip, kNegInf, rZero}, {U::recip, kPosZero, rPosInf}, {U::recip, kNegZero, rPosInf},
      {U::recip, kPosSub, rPosInf}, {U::recip, kNegSub, rPosInf}, {U::recip, kTwo, rHalf},
      // relu: the sign bit decides.
      {U::relu, kPosNan, rPosNan}, {U::relu, kNegNan, rZero}, {U::relu, kPosInf, rPosInf},
      {U::relu, kNegInf, rZero}, {U::relu, kPosZero, rZero}, {U::relu, kNegZero, rZero},
      {U::relu, kPosSub, rZero}, {U::relu, kNegSub, rZero}, {U::relu, kNegOne, rZero},
      {U::relu, kTwo, rTwo},
      // gelu
      {U::gelu, kPosNan, rPosNan}, {U::gelu, kNegNan, rZero}, {U::gelu, kPosInf, rPosInf},
      {U::gelu, kNegInf, rZero}, {U::gelu, kPosZero, rZero}, {U::gelu, kNegZero, rZero},
      {U::gelu, kPosSub, rZero}, {U::gelu, kNegSub, rZero},
      // sigmoid: a NaN acts as an infinity of its sign.
      {U::sigmoid, kPosNan, rOne}, {U::sigmoid, kNegNan, rZero}, {U::sigmoid, kPosInf, rOne},
      {U::sigmoid, kNegInf, rZero}, {U::sigmoid, kPosZero, rHalf}, {U::sigmoid, kNegZero, rHalf},
      {U::sigmoid, kPosSub, rHalf}, {U::sigmoid, kNegSub, rHalf},
      // tanh
      {U::tanh, kPosNan, rPosNan}, {U::tanh, kNegNan, rPosNan}, {U::tanh, kPosInf, rOne},
      {U::tanh, kNegInf, rNegOne}, {U::tanh, kPosZero, rZero}, {U::tanh, kNegZero, rZero},
      {U::tanh, kPosSub, rZero}, {U::tanh, kNegSub, rZero},
      // abs: a NaN keeps its sign.
      {U::abs, kPosNan, rPosNan}, {U::abs, kNegNan, rNegNan}, {U::abs, kPosInf, rPosInf},
      {U::abs, kNegInf, rPosInf}, {U::abs, kPosZero, rZero}, {U::abs, kNegZero, rZero},
      {U::abs, kPosSub, rZero}, {U::abs, kNegSub, rZero}, {U::abs, kNegOne, rOne},
      // square
      {U::square, kPosNan, rPosNan}, {U::square, kNegNan, rPosNan}, {U::square, kPosInf, rPosInf},
      {U::square, kNegInf, rPosInf}, {U::square, kPosZero, rZero}, {U::square, kNegZero, rZero},
      {U::square, kPosSub, rZero}, {U::square, kNegSub, rZero}, {U::square, kTiny, rZero},
      // neg: flips the sign bit of a NaN too; zero results are +0.
      {U::neg, kPosNan, rNegNan}, {U::neg, kNegNan, rPosNan}, {U::neg, kPosInf, rNegInf},
      {U::neg, kNegInf, rPosInf}, {U::neg, kPosZero, rZero}, {U::neg, kNegZero, rZero},
      {U::neg, kPosSub, rZero}, {U::neg, kNegSub, rZero}, {U::neg, kOne, rNegOne},
  };
}

enum class Binary { add, sub, mul };

inline const char* name(Binary op) {
  static const char* const names[] = {"add", "sub", "mul"};
  return names[static_cast<int>(op)];
}

struct BinaryCase {
  Binary op;
  std::uint16_t a, b;
  std::uint32_t out;
};

// IEEE-754 for NaN and infinities (a NaN result is the positive quiet NaN), operands read with
// subnormals and -0 as +0, and subnormal and zero results written as +0.
inline std::vector<BinaryCase> binary_cases() {
  using B = Binary;
  return {
      {B::add, kPosInf, kNegInf, rPosNan}, {B::add, kPosInf, kOne, rPosInf},
      {B::add, kNegInf, kNegInf, rNegInf}, {B::add, kPosNan, kOne, rPosNan},
      {B::add, kNegNan, kOne, rPosNan},    {B::add, kOne, kNegNan, rPosNan},
      {B::add, kPosSub, kPosSub, rZero},   {B::add, kNegZero, kNegZero, rZero},
      {B::add, kOne, kNegOne, rZero},      {B::add, kNegSub, kOne, rOne},
      {B::sub, kPosInf, kPosInf, rPosNan}, {B::sub, kNegInf, kPosInf, rNegInf},
      {B::sub, kNegZero, kPosZero, rZero}, {B::sub, kOne, kOne, rZero},
      {B::sub, kNegNan, kNegNan, rPosNan}, {B::sub, kPosZero, kNegSub, rZero},
      {B::mul, kPosInf, kPosZero, rPosNan}, {B::mul, kNegInf, kPosSub, rPosNan},
      {B::mul, kPosInf, kNegFour, rNegInf}, {B::mul, kNegNan, kTwo, rPosNan},
      {B::mul, kNegOne, kPosZero, rZero},  {B::mul, kTiny, kTiny, rZero},
      {B::mul, kPosSub, kTwo, rZero},      {B::mul, kNegInf, kNegInf, rPosInf},
  };
}

// Max reductions: the sign-magnitude total order -NaN < -inf < ... < +inf < +NaN, subnormals and
// -0 read as +0. Each case is one row of 32 elements: `values`, then `fill` for the rest.
struct MaxCase {
  std::vector<std::uint16_t> values;
  std::uint16_t fill;
  std::uint32_t out;
};

inline std::vector<MaxCase> max_cases() {
  return {
      {{kOne, kPosNan, kTwo}, kNegOne, rPosNan},        // +NaN wins
      {{kNegNan, kOne, kTwo}, kNegOne, rTwo},           // -NaN loses
      {{kNegNan}, kNegNan, rNegNan},                    // ... unless it is all there is
      {{kPosInf, kPosNan}, kNegInf, rPosNan},           // +NaN above +inf
      {{kNegInf, kNegNan}, kNegInf, rNegInf},           // -NaN below -inf
      {{kNegSub, kNegOne}, kNegFour, rZero},            // a -subnormal is +0, above -1
      {{kNegZero}, kNegOne, rZero},                     // -0 is +0
      {{kPosInf, kTwo}, kOne, rPosInf},
  };
}

// Sum reductions and broadcast/transpose copies follow add() and the operand rule.
struct SumCase {
  std::vector<std::uint16_t> values;
  std::uint16_t fill;
  std::uint32_t out;
};

inline std::vector<SumCase> sum_cases() {
  return {
      {{kOne, kPosInf, kTwo}, kPosZero, rPosInf},
      {{kPosInf, kNegInf}, kPosZero, rPosNan},
      {{kNegNan}, kOne, rPosNan},
      {{kPosSub, kNegSub, kPosSub}, kPosSub, rZero},
      {{kOne, kNegOne}, kNegZero, rZero},
      {{kTwo}, kPosZero, rTwo},
  };
}

// What a store to a bf16 tensor (the packer) makes of an operation's float result.
inline std::uint16_t stored_bf16(std::uint32_t r) {
  if ((r & 0x7fffffffu) > 0x7f800000u) return static_cast<std::uint16_t>(((r >> 16) & 0x8000u) | 0x7f80u);
  if ((r & 0x7f800000u) == 0) return 0;
  return static_cast<std::uint16_t>(r >> 16);  // every expected result here is bf16-exact
}

// Whether float bits `got` are the expected result `want`: the same bits, or both NaN with the
// same sign.
inline bool same_result(std::uint32_t got, std::uint32_t want) {
  const bool got_nan = (got & 0x7fffffffu) > 0x7f800000u, want_nan = (want & 0x7fffffffu) > 0x7f800000u;
  if (got_nan || want_nan) return got_nan && want_nan && (got >> 31) == (want >> 31);
  return got == want;
}

// "0x7fc00000", for messages.
inline std::string hex(std::uint32_t u) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%x", static_cast<unsigned>(u));
  return buf;
}

}  // namespace special_cases
