// The compute engine, op by op, against straightforward float math (kernels/compute_ops.cpp runs
// one op over a tile of A and B). Results are bf16: inputs are rounded to bf16 as the host uploads
// them, DST rounds to bf16 (no fp32_dest_acc_en) and the pack to the bf16 output CB rounds again.
#include "compute_ops_ids.h"
#include "emu_test_util.hpp"

namespace emu_test {
namespace {

struct OpResult {
  std::vector<float> a, b, out;  // in row-major element order of the 32x32 tile
};

// Runs op `op` on one tile; `a`/`b` are row-major 32x32 values (tilized before upload).
OpResult run_op(unsigned op, std::vector<float> a, std::vector<float> b, float scalar = 0.0f,
                tt::DataFormat out_format = tt::DataFormat::Float16_b, bool fp32_acc = false) {
  Device d;
  auto ba = d.dram(1), bb = d.dram(1), bo = d.dram(1, tt::tile_size(out_format));
  EnqueueWriteMeshBuffer(d.cq(), ba, tilize_nfaces(to_bf16(a), 32, 32), false);
  EnqueueWriteMeshBuffer(d.cq(), bb, tilize_nfaces(to_bf16(b), 32, 32), false);
  StreamSpec s;
  s.compute = "compute_ops.cpp";
  s.inputs = {ba, bb};
  s.output = bo;
  s.n_tiles = 1;
  s.out_format = out_format;
  s.compute_config.fp32_dest_acc_en = fp32_acc;
  std::uint32_t bits;
  std::memcpy(&bits, &scalar, 4);
  s.compute_args = [&](std::uint32_t, std::uint32_t n) { return std::vector<std::uint32_t>{op, n, bits}; };
  run_stream(d, s);
  OpResult r;
  for (float& x : a) x = bf16_round(x);
  for (float& x : b) x = bf16_round(x);
  r.a = a;
  r.b = b;
  if (out_format == tt::DataFormat::Float32) {
    std::vector<float> out;
    EnqueueReadMeshBuffer(d.cq(), out, bo, true);
    r.out = untilize_nfaces(out, 32, 32);
  } else {
    std::vector<bfloat16> out;
    EnqueueReadMeshBuffer(d.cq(), out, bo, true);
    r.out = to_float(untilize_nfaces(out, 32, 32));
  }
  return r;
}

std::vector<float> tile_data(float lo, float hi, unsigned seed) { return random_floats(1024, lo, hi, seed); }

// out[i] == bf16(f(a[i], b[i])) for every element (within `tol` relative for transcendental ops).
void expect_elementwise(const OpResult& r, const std::function<float(float, float)>& f, float tol = 0.0f) {
  for (std::size_t i = 0; i < 1024; ++i) {
    const float want = bf16_round(f(r.a[i], r.b[i]));
    if (tol == 0.0f) {
      ASSERT_EQ(r.out[i], want) << "element " << i << " a=" << r.a[i] << " b=" << r.b[i];
    } else {
      ASSERT_NEAR(r.out[i], want, tol * std::max(1.0f, std::fabs(want))) << "element " << i << " a=" << r.a[i];
    }
  }
}

TEST(Compute, FpuCopyAddSubMul) {
  const auto a = tile_data(-8, 8, 10), b = tile_data(-8, 8, 11);
  expect_elementwise(run_op(OP_COPY, a, b), [](float x, float) { return x; });
  expect_elementwise(run_op(OP_ADD, a, b), [](float x, float y) { return x + y; });
  expect_elementwise(run_op(OP_SUB, a, b), [](float x, float y) { return x - y; });
  expect_elementwise(run_op(OP_MUL, a, b), [](float x, float y) { return x * y; });
}

TEST(Compute, SfpuUnary) {
  const auto pos = tile_data(0.1f, 4, 12), any = tile_data(-3, 3, 13);
  const float tol = 1.0f / 128;  // one bf16 ulp
  expect_elementwise(run_op(OP_EXP, any, any), [](float x, float) { return std::exp(x); }, tol);
  expect_elementwise(run_op(OP_LOG, pos, pos), [](float x, float) { return std::log(x); }, tol);
  expect_elementwise(run_op(OP_SQRT, pos, pos), [](float x, float) { return std::sqrt(x); }, tol);
  expect_elementwise(run_op(OP_RSQRT, pos, pos), [](float x, float) { return 1 / std::sqrt(x); }, tol);
  expect_elementwise(run_op(OP_RECIP, pos, pos), [](float x, float) { return 1 / x; }, tol);
  expect_elementwise(run_op(OP_RELU, any, any), [](float x, float) { return x > 0 ? x : 0.0f; });
  expect_elementwise(run_op(OP_GELU, any, any),
                     [](float x, float) { return 0.5f * x * (1 + std::erf(x / std::sqrt(2.0f))); }, tol);
  expect_elementwise(run_op(OP_SIGMOID, any, any), [](float x, float) { return 1 / (1 + std::exp(-x)); }, tol);
  expect_elementwise(run_op(OP_TANH, any, any), [](float x, float) { return std::tanh(x); }, tol);
  expect_elementwise(run_op(OP_ABS, any, any), [](float x, float) { return std::fabs(x); });
  expect_elementwise(run_op(OP_SQUARE, any, any), [](float x, float) { return x * x; });
  expect_elementwise(run_op(OP_NEGATIVE, any, any), [](float x, float) { return -x; });
  expect_elementwise(run_op(OP_SILU, any, any), [](float x, float) { return x / (1 + std::exp(-x)); }, tol);
  expect_elementwise(run_op(OP_FILL, any, any, 2.5f), [](float, float) { return 2.5f; });
}

TEST(Compute, ScalarOps) {
  const auto a = tile_data(-4, 4, 14);
  const float s = 1.75f;
  expect_elementwise(run_op(OP_ADD_SCALAR, a, a, s), [&](float x, float) { return x + s; });
  expect_elementwise(run_op(OP_SUB_SCALAR, a, a, s), [&](float x, float) { return x - s; });
  expect_elementwise(run_op(OP_MUL_SCALAR, a, a, s), [&](float x, float) { return x * s; });
  expect_elementwise(run_op(OP_DIV_SCALAR, a, a, s), [&](float x, float) { return x / s; });
  expect_elementwise(run_op(OP_RSUB_SCALAR, a, a, s), [&](float x, float) { return s - x; });
}

TEST(Compute, SfpuBinary) {
  const auto a = tile_data(-4, 4, 15), b = tile_data(-4, 4, 16);
  expect_elementwise(run_op(OP_ADD_BINARY, a, b), [](float x, float y) { return x + y; });
  expect_elementwise(run_op(OP_SUB_BINARY, a, b), [](float x, float y) { return x - y; });
  expect_elementwise(run_op(OP_MUL_BINARY, a, b), [](float x, float y) { return x * y; });
}

TEST(Compute, Broadcast) {
  const auto a = tile_data(-4, 4, 17), b = tile_data(-4, 4, 18);
  auto check = [](const OpResult& r, const std::function<float(std::size_t, std::size_t)>& want) {
    for (std::size_t i = 0; i < 32; ++i)
      for (std::size_t j = 0; j < 32; ++j) ASSERT_EQ(r.out[i * 32 + j], bf16_round(want(i, j))) << i << "," << j;
  };
  auto r = run_op(OP_ADD_BCAST_ROWS, a, b);  // B's first row down all rows
  check(r, [&](std::size_t i, std::size_t j) { return r.a[i * 32 + j] + r.b[j]; });
  r = run_op(OP_ADD_BCAST_COLS, a, b);  // B's first column across all columns
  check(r, [&](std::size_t i, std::size_t j) { return r.a[i * 32 + j] + r.b[i * 32]; });
  r = run_op(OP_ADD_BCAST_SCALAR, a, b);
  check(r, [&](std::size_t i, std::size_t j) { return r.a[i * 32 + j] + r.b[0]; });
  r = run_op(OP_MUL_BCAST_COLS, a, b);
  check(r, [&](std::size_t i, std::size_t j) { return r.a[i * 32 + j] * r.b[i * 32]; });
  r = run_op(OP_SUB_BCAST_ROWS, a, b);
  check(r, [&](std::size_t i, std::size_t j) { return r.a[i * 32 + j] - r.b[j]; });
}

TEST(Compute, Transpose) {
  const auto a = tile_data(-4, 4, 19);
  const auto r = run_op(OP_TRANSPOSE, a, a);
  for (std::size_t i = 0; i < 32; ++i)
    for (std::size_t j = 0; j < 32; ++j) ASSERT_EQ(r.out[i * 32 + j], r.a[j * 32 + i]);
}

TEST(Compute, Reduce) {
  // Scaler tile filled with 0.5: results are scaled by it.
  const auto a = tile_data(-2, 2, 20);
  const std::vector<float> scaler(1024, 0.5f);
  const float tol = 0.02f;  // plus one bf16 ulp of the result
  auto r = run_op(OP_REDUCE_ROW_SUM, a, scaler);
  for (std::size_t i = 0; i < 32; ++i) {
    float sum = 0;
    for (std::size_t j = 0; j < 32; ++j) sum += r.a[i * 32 + j];
    EXPECT_NEAR(r.out[i * 32], 0.5f * sum, tol + std::fabs(sum) / 256) << "row " << i << " (column 0)";
  }
  r = run_op(OP_REDUCE_COL_SUM, a, scaler);
  for (std::size_t j = 0; j < 32; ++j) {
    float sum = 0;
    for (std::size_t i = 0; i < 32; ++i) sum += r.a[i * 32 + j];
    EXPECT_NEAR(r.out[j], 0.5f * sum, tol + std::fabs(sum) / 256) << "column " << j << " (row 0)";
  }
  r = run_op(OP_REDUCE_SCALAR_SUM, a, scaler);
  float total = 0;
  for (float x : r.a) total += x;
  EXPECT_NEAR(r.out[0], 0.5f * total, 0.2f + std::fabs(total) / 256);
  r = run_op(OP_REDUCE_ROW_MAX, a, std::vector<float>(1024, 1.0f));
  for (std::size_t i = 0; i < 32; ++i) {
    float mx = r.a[i * 32];
    for (std::size_t j = 0; j < 32; ++j) mx = std::max(mx, r.a[i * 32 + j]);
    EXPECT_EQ(r.out[i * 32], mx) << "row " << i;
  }
}

TEST(Compute, Fp32DestAndFloat32Pack) {
  // With fp32_dest_acc_en and a Float32 output CB, a + b is not rounded to bf16.
  const std::vector<float> a(1024, 1.0f), b(1024, 1.0f / 256);
  const auto r = run_op(OP_ADD, a, b, 0, tt::DataFormat::Float32, true);
  EXPECT_EQ(r.out[0], 1.0f + 1.0f / 256);
  // Without it, DST rounds to bf16 (8 bits of mantissa): 1 + 1/256 -> 1.
  const auto r16 = run_op(OP_ADD, a, b, 0, tt::DataFormat::Float32, false);
  EXPECT_EQ(r16.out[0], 1.0f);
}

}  // namespace
}  // namespace emu_test
