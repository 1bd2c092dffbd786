// NaN, infinities, subnormals and -0 on the emulator: every op of kernels/compute_ops.cpp against
// the hand-written table of ../special_values_cases.h (which the CPU reference is tested against
// too), and then against the CPU reference itself, bit for bit, on tiles that mix special values
// with ordinary ones. Each op runs twice: bf16 DST packed to a bf16 CB (a NaN is packed as the
// infinity of its sign) and fp32 DST packed to a Float32 CB (NaNs stay NaNs).
#include <tilesplit/tile.hpp>

#include "../special_values_cases.h"
#include "compute_ops_ids.h"
#include "emu_test_util.hpp"

namespace emu_test {
namespace {

namespace sc = special_cases;
namespace ts = tilesplit;

float widen(std::uint16_t b) { return bfloat16::from_bits(b).to_float(); }
std::uint32_t bits(float f) {
  std::uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}

// Runs `op` on one tile (row-major `a`, `b`, exactly representable in bf16); returns the output
// tile's elements as float bits, row-major.
std::vector<std::uint32_t> run_op(unsigned op, const std::vector<float>& a, const std::vector<float>& b,
                                  bool fp32, float scalar = 0.0f) {
  const tt::DataFormat out_format = fp32 ? tt::DataFormat::Float32 : tt::DataFormat::Float16_b;
  Device d;
  auto ba = d.dram(1), bb = d.dram(1), bo = d.dram(1, tt::tile_size(out_format));
  EnqueueWriteMeshBuffer(d.cq(), ba, tilize_nfaces(to_bf16(a), 32, 32), false);
  EnqueueWriteMeshBuffer(d.cq(), bb, tilize_nfaces(to_bf16(b), 32, 32), false);
  StreamSpec s;
  s.compute = "compute_ops.cpp";
  s.inputs = {ba, bb};
  s.output = bo;
  s.out_format = out_format;
  s.compute_config.fp32_dest_acc_en = fp32;
  const std::uint32_t sbits = bits(scalar);
  s.compute_args = [&](std::uint32_t, std::uint32_t n) { return std::vector<std::uint32_t>{op, n, sbits}; };
  run_stream(d, s);
  std::vector<std::uint32_t> out;
  if (fp32) {
    std::vector<float> raw;
    EnqueueReadMeshBuffer(d.cq(), raw, bo, true);
    for (float x : untilize_nfaces(raw, 32, 32)) out.push_back(bits(x));
  } else {
    std::vector<bfloat16> raw;
    EnqueueReadMeshBuffer(d.cq(), raw, bo, true);
    for (const bfloat16& x : untilize_nfaces(raw, 32, 32)) out.push_back(std::uint32_t(x.to_uint16()) << 16);
  }
  return out;
}

unsigned op_id(sc::Unary op) {
  switch (op) {
    case sc::Unary::exp: return OP_EXP;
    case sc::Unary::log: return OP_LOG;
    case sc::Unary::sqrt: return OP_SQRT;
    case sc::Unary::rsqrt: return OP_RSQRT;
    case sc::Unary::recip: return OP_RECIP;
    case sc::Unary::relu: return OP_RELU;
    case sc::Unary::gelu: return OP_GELU;
    case sc::Unary::sigmoid: return OP_SIGMOID;
    case sc::Unary::tanh: return OP_TANH;
    case sc::Unary::abs: return OP_ABS;
    case sc::Unary::square: return OP_SQUARE;
    case sc::Unary::neg: return OP_NEGATIVE;
  }
  return OP_COPY;
}

// What a result looks like in the output CB: packed to bf16 (NaN as the infinity of its sign) or
// as float bits.
std::uint32_t as_packed(std::uint32_t result, bool fp32) {
  return fp32 ? result : std::uint32_t(sc::stored_bf16(result)) << 16;
}

::testing::AssertionResult is(std::uint32_t got, std::uint32_t want) {
  if (sc::same_result(got, want)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "got " << sc::hex(got) << ", want " << sc::hex(want);
}

const std::vector<float> kOnes(1024, 1.0f);

TEST(SpecialValues, UnaryOps) {
  const auto cases = sc::unary_cases();
  for (int op = 0; op <= static_cast<int>(sc::Unary::neg); ++op) {
    const auto u = static_cast<sc::Unary>(op);
    std::vector<float> a(1024, 1.0f);
    std::vector<std::size_t> at;  // element of each case of this op
    std::vector<std::uint32_t> want;
    for (const sc::UnaryCase& k : cases) {
      if (k.op != u) continue;
      at.push_back(37 * at.size() + 5);  // spread over the faces
      a[at.back()] = widen(k.in);
      want.push_back(k.out);
    }
    for (bool fp32 : {false, true}) {
      SCOPED_TRACE(std::string(sc::name(u)) + (fp32 ? ", fp32 DST" : ", bf16 DST"));
      const auto out = run_op(op_id(u), a, kOnes, fp32);
      for (std::size_t i = 0; i < at.size(); ++i)
        EXPECT_TRUE(is(out[at[i]], as_packed(want[i], fp32))) << "input " << sc::hex(bits(a[at[i]]));
    }
  }
}

// gelu_tile() with tt-metal's default template argument is its lookup-table GELU, not the precise
// one: x/2 + A*|x| + B with A and B per range of |x|, the FP16 values _init_gelu_ loads
// (docs/hardware-numerics.md, section 3.2), written out here as decimals.
TEST(Gelu, DefaultIsTheLookupTable) {
  struct Range { float below, slope, intercept; };
  const Range table[] = {{0.5f, 0.1927490234375f, -0.00010442733764648438f},
                         {1.0f, 0.493896484375f, -0.160400390625f},
                         {1.5f, 0.61865234375f, -0.279541015625f},
                         {2.0f, 0.60986328125f, -0.263427734375f},
                         {3.0f, 0.5400390625f, -0.119384765625f},
                         {INFINITY, 0.5f, 0.0f}};
  const std::vector<float> xs = {0.25f, -0.25f, 0.75f, 1.0f, -1.0f, 1.75f, 2.5f, -2.5f, 4.0f, -4.0f};
  std::vector<float> a(1024, 0.0f);
  for (std::size_t i = 0; i < xs.size(); ++i) a[i] = xs[i];
  const auto out = run_op(OP_GELU_LUT, a, kOnes, /*fp32=*/true);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const float x = xs[i], ax = std::fabs(x);
    const Range* r = table;
    while (ax >= r->below) ++r;
    float got;
    std::memcpy(&got, &out[i], 4);
    EXPECT_NEAR(got, 0.5 * x + (r->slope * ax + r->intercept), 1e-6) << "x = " << x;
  }
  // Far from the precise GELU at small |x|: the table's first intercept is about -1e-4 where
  // its source comment says -0.015, so gelu(0.25) is 0.173 (exactly 0.1493).
  float small;
  std::memcpy(&small, &out[0], 4);
  EXPECT_NEAR(small, 0.17308, 1e-4);
}

TEST(SpecialValues, BinaryOpsOnTheFpuTheSfpuAndWithScalars) {
  const auto cases = sc::binary_cases();
  std::vector<float> a(1024, 1.0f), b(1024, 1.0f);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    a[41 * i + 3] = widen(cases[i].a);
    b[41 * i + 3] = widen(cases[i].b);
  }
  struct Path {
    sc::Binary op;
    unsigned fpu, sfpu, scalar;
  };
  const Path paths[] = {{sc::Binary::add, OP_ADD, OP_ADD_BINARY, OP_ADD_SCALAR},
                        {sc::Binary::sub, OP_SUB, OP_SUB_BINARY, OP_SUB_SCALAR},
                        {sc::Binary::mul, OP_MUL, OP_MUL_BINARY, OP_MUL_SCALAR}};
  for (const Path& p : paths) {
    for (bool fp32 : {false, true}) {
      SCOPED_TRACE(std::string(sc::name(p.op)) + (fp32 ? ", fp32 DST" : ", bf16 DST"));
      const auto fpu = run_op(p.fpu, a, b, fp32), sfpu = run_op(p.sfpu, a, b, fp32);
      for (std::size_t i = 0; i < cases.size(); ++i) {
        if (cases[i].op != p.op) continue;
        const std::size_t e = 41 * i + 3;
        const std::uint32_t want = as_packed(cases[i].out, fp32);
        EXPECT_TRUE(is(fpu[e], want)) << "FPU, case " << i;
        EXPECT_TRUE(is(sfpu[e], want)) << "SFPU, case " << i;
        // Scalars are finite: a tile-scalar op of the cases whose b is.
        if (std::isfinite(b[e])) {
          std::vector<float> one(1024, widen(cases[i].a));
          EXPECT_TRUE(is(run_op(p.scalar, one, kOnes, fp32, b[e])[0], want)) << "scalar, case " << i;
        }
      }
    }
  }
}

TEST(SpecialValues, Reductions) {
  const std::vector<float> scaler(1024, 1.0f);
  const auto maxes = sc::max_cases();
  std::vector<float> a(1024, -100.0f);
  for (std::size_t r = 0; r < maxes.size(); ++r) {
    for (std::size_t c = 0; c < 32; ++c)
      a[r * 32 + c] = widen(c < maxes[r].values.size() ? maxes[r].values[c] : maxes[r].fill);
  }
  const auto sums = sc::sum_cases();
  std::vector<float> s(1024, 0.0f);
  for (std::size_t r = 0; r < sums.size(); ++r) {
    for (std::size_t c = 0; c < 32; ++c)
      s[r * 32 + c] = widen(c < sums[r].values.size() ? sums[r].values[c] : sums[r].fill);
  }
  for (bool fp32 : {false, true}) {
    SCOPED_TRACE(fp32 ? "fp32 DST" : "bf16 DST");
    const auto mx = run_op(OP_REDUCE_ROW_MAX, a, scaler, fp32);
    for (std::size_t r = 0; r < maxes.size(); ++r) EXPECT_TRUE(is(mx[r * 32], as_packed(maxes[r].out, fp32))) << "max row " << r;
    const auto sm = run_op(OP_REDUCE_ROW_SUM, s, scaler, fp32);
    for (std::size_t r = 0; r < sums.size(); ++r) EXPECT_TRUE(is(sm[r * 32], as_packed(sums[r].out, fp32))) << "sum row " << r;
  }
}

// ---- the emulator against the CPU reference -------------------------------------------------------

// A tile whose elements are ordinary values in [-4, 4] with, at a third of the positions, one of
// the special values of the table.
std::vector<float> mixed(unsigned seed) {
  const std::uint16_t specials[] = {sc::kPosNan, sc::kNegNan, sc::kPosInf, sc::kNegInf, sc::kPosZero,
                                    sc::kNegZero, sc::kPosSub, sc::kNegSub, sc::kTiny};
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> value(-4.0f, 4.0f);
  std::vector<float> v(1024);
  for (float& x : v)
    x = rng() % 3 == 0 ? widen(specials[rng() % (sizeof specials / sizeof specials[0])]) : bf16_round(value(rng));
  return v;
}

ts::Tile to_tile(const std::vector<float>& v) {
  ts::Tile t;
  for (std::uint32_t i = 0; i < 1024; ++i) t(i / 32, i % 32) = v[i];
  return t;
}

// The reference's result of `t` as a tensor store writes it: bf16 or float, as float bits.
std::vector<std::uint32_t> stored(const ts::Tile& t, bool fp32) {
  std::vector<std::uint32_t> out;
  if (fp32) {
    ts::Tensor<float> y(32, 32);
    y.tile(0) = t;
    for (std::uint32_t i = 0; i < 1024; ++i) out.push_back(bits(y.at(i / 32, i % 32)));
  } else {
    ts::Tensor<ts::bf16> y(32, 32);
    y.tile(0) = t;
    for (std::uint32_t i = 0; i < 1024; ++i) out.push_back(std::uint32_t(y.at(i / 32, i % 32).bits()) << 16);
  }
  return out;
}

void expect_same(const std::vector<std::uint32_t>& emu, const std::vector<std::uint32_t>& ref, const std::vector<float>& a,
                 const std::vector<float>& b) {
  int failures = 0;
  for (std::size_t i = 0; i < 1024 && failures < 5; ++i) {
    if (!sc::same_result(emu[i], ref[i])) {
      ++failures;
      ADD_FAILURE() << "element " << i << ": emulator " << sc::hex(emu[i]) << ", reference " << sc::hex(ref[i])
                    << " (a " << sc::hex(bits(a[i])) << ", b " << sc::hex(bits(b[i])) << ")";
    }
  }
}

TEST(SpecialValues, EmulatorMatchesTheReferenceBitForBit) {
  const auto a = mixed(1), b = mixed(2);
  const ts::Tile ta = to_tile(a), tb = to_tile(b);
  const float s = -1.5f;
  struct Case {
    const char* name;
    unsigned op;
    ts::Tile ref;
    float scalar = 0.0f;
  };
  const Case cases[] = {
      {"copy", OP_COPY, ta},
      {"exp", OP_EXP, ts::exp(ta)},
      {"log", OP_LOG, ts::log(ta)},
      {"sqrt", OP_SQRT, ts::sqrt(ta)},
      {"rsqrt", OP_RSQRT, ts::rsqrt(ta)},
      {"recip", OP_RECIP, ts::recip(ta)},
      {"relu", OP_RELU, ts::relu(ta)},
      {"gelu", OP_GELU, ts::gelu(ta)},
      {"sigmoid", OP_SIGMOID, ts::sigmoid(ta)},
      {"tanh", OP_TANH, ts::tanh(ta)},
      {"abs", OP_ABS, ts::abs(ta)},
      {"square", OP_SQUARE, ts::square(ta)},
      {"neg", OP_NEGATIVE, ts::neg(ta)},
      {"add", OP_ADD, ta + tb},
      {"sub", OP_SUB, ta - tb},
      {"mul", OP_MUL, ta * tb},
      {"add_binary", OP_ADD_BINARY, ta + tb},
      {"sub_binary", OP_SUB_BINARY, ta - tb},
      {"mul_binary", OP_MUL_BINARY, ta * tb},
      {"add_scalar", OP_ADD_SCALAR, ta + s, s},
      {"sub_scalar", OP_SUB_SCALAR, ta - s, s},
      {"mul_scalar", OP_MUL_SCALAR, ta * s, s},
      {"rsub_scalar", OP_RSUB_SCALAR, s - ta, s},
      {"add_bcast_rows", OP_ADD_BCAST_ROWS, ta + ts::bcast_row(tb)},
      {"add_bcast_cols", OP_ADD_BCAST_COLS, ta + ts::bcast_col(tb)},
      {"add_bcast_scalar", OP_ADD_BCAST_SCALAR, ta + ts::bcast_scalar(tb)},
      {"mul_bcast_cols", OP_MUL_BCAST_COLS, ta * ts::bcast_col(tb)},
      {"sub_bcast_rows", OP_SUB_BCAST_ROWS, ta - ts::bcast_row(tb)},
      {"transpose", OP_TRANSPOSE, ts::transpose(ta)},
      {"row_max", OP_REDUCE_ROW_MAX, ts::row_max(ta)},
  };
  for (const Case& k : cases) {
    for (bool fp32 : {false, true}) {
      SCOPED_TRACE(std::string(k.name) + (fp32 ? ", fp32 DST" : ", bf16 DST"));
      const auto& second = k.op == OP_REDUCE_ROW_MAX ? kOnes : b;  // the reduce's scaler tile
      expect_same(run_op(k.op, a, second, fp32, k.scalar), stored(k.ref, fp32), a, b);
    }
  }
  // Sums: float accumulation on both sides, one rounding when stored.
  for (bool fp32 : {false, true}) {
    SCOPED_TRACE(fp32 ? "sums, fp32 DST" : "sums, bf16 DST");
    expect_same(run_op(OP_REDUCE_ROW_SUM, a, kOnes, fp32), stored(ts::row_sum(ta), fp32), a, kOnes);
    expect_same(run_op(OP_REDUCE_COL_SUM, a, kOnes, fp32), stored(ts::col_sum(ta), fp32), a, kOnes);
  }
}

}  // namespace
}  // namespace emu_test
