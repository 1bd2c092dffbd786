// Tensor<T>: shapes, tile addressing, bf16 rounding on write, handle semantics, range checks, and
// the example kernels of pragma_kernel.cpp run as the CPU reference.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <type_traits>

#include <tilesplit/tile.hpp>

using namespace tilesplit;

// Kernels defined in pragma_kernel.cpp.
void eltwise(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out, float alpha);
void matmul(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C);
void softmax_rows(Tensor<float> x, Tensor<float> y);

namespace {

// A float tensor whose element (r, c) is r * cols + c (exact in float for these sizes).
Tensor<float> iota(uint32_t rows, uint32_t cols) {
  Tensor<float> t(rows, cols);
  for (uint32_t r = 0; r < rows; ++r)
    for (uint32_t c = 0; c < cols; ++c) t.at(r, c) = float(r * cols + c);
  return t;
}

template <class T> void fill_random(Tensor<T> t, uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(-2.0f, 2.0f);
  for (size_t i = 0; i < t.size(); ++i) t.data()[i] = T(dist(rng));
}

void write_through(Tensor<float> t) { t.tile(1, 0) = fill(5.0f); }

}  // namespace

TEST(Tensor, Shape) {
  Tensor<bf16> t(64, 96);
  EXPECT_EQ(t.rows(), 64u);
  EXPECT_EQ(t.cols(), 96u);
  EXPECT_EQ(t.tile_rows(), 2u);
  EXPECT_EQ(t.tile_cols(), 3u);
  EXPECT_EQ(t.num_tiles(), 6u);
  EXPECT_EQ(t.size(), size_t(64 * 96));
  static_assert(std::is_same<decltype(t.num_tiles()), uint32_t>::value, "num_tiles is uint32_t");
  for (size_t i = 0; i < t.size(); ++i) ASSERT_EQ(t.data()[i].bits(), 0);  // zero-initialised
  Tensor<float> empty;
  EXPECT_EQ(empty.num_tiles(), 0u);
  EXPECT_EQ(empty.size(), 0u);
}

TEST(Tensor, InvalidShapesThrow) {
  EXPECT_THROW(Tensor<bf16>(33, 32), std::invalid_argument);
  EXPECT_THROW(Tensor<bf16>(32, 1), std::invalid_argument);
  EXPECT_THROW(Tensor<float>(31, 31), std::invalid_argument);
  EXPECT_THROW(Tensor<float>(1000, 64), std::invalid_argument);
  EXPECT_NO_THROW(Tensor<float>(32, 32));
  EXPECT_NO_THROW(Tensor<float>(0, 32));  // empty is allowed
}

TEST(Tensor, TileAddressing) {
  const Tensor<float> t = iota(96, 64);  // 3 x 2 tiles
  for (uint32_t tr = 0; tr < 3; ++tr)
    for (uint32_t tc = 0; tc < 2; ++tc) {
      const Tile a = t.tile(tr, tc), b = t.tile(tr * t.tile_cols() + tc);
      for (uint32_t r = 0; r < 32; ++r)
        for (uint32_t c = 0; c < 32; ++c) {
          const float want = float((tr * 32 + r) * 64 + tc * 32 + c);
          ASSERT_EQ(a(r, c), want) << tr << "," << tc << " (" << r << ", " << c << ")";
          ASSERT_EQ(b(r, c), want);
        }
    }
}

TEST(Tensor, TileWriteTouchesOnlyItsBlock) {
  Tensor<float> t(64, 96);
  t.tile(1, 2) = fill(1.0f);
  for (uint32_t r = 0; r < 64; ++r)
    for (uint32_t c = 0; c < 96; ++c)
      ASSERT_EQ(t.at(r, c), (r >= 32 && c >= 64) ? 1.0f : 0.0f) << r << "," << c;
  t.tile(1) = fill(2.0f);  // page 1 = tile-row 0, tile-column 1
  EXPECT_EQ(t.at(0, 32), 2.0f);
  EXPECT_EQ(t.at(31, 63), 2.0f);
  EXPECT_EQ(t.at(0, 31), 0.0f);
  EXPECT_EQ(t.at(0, 64), 0.0f);
  EXPECT_EQ(t.at(32, 32), 0.0f);
}

TEST(Tensor, Bf16WriteRoundsToNearestEven) {
  Tensor<bf16> t(32, 32);
  Tile x;
  x(0, 0) = 1.0f + 0x1p-8f;        // tie -> 1.0 (even)
  x(0, 1) = 1.0f + 3 * 0x1p-8f;    // tie -> 1 + 2^-6 (even)
  x(0, 2) = 1.0f + 0x1p-8f + 0x1p-20f;  // above half -> 1 + 2^-7
  x(0, 3) = 3.4e38f;                    // past halfway above the largest bf16 -> inf
  x(0, 4) = -0.0f;                      // the packer writes -0 as +0
  x(0, 5) = 1e-39f;                     // a subnormal float: +0
  x(0, 6) = -NAN;                       // a NaN becomes the infinity of its sign
  x(0, 7) = NAN;
  t.tile(0) = x;
  EXPECT_EQ(t.at(0, 0).bits(), 0x3F80);
  EXPECT_EQ(t.at(0, 1).bits(), 0x3F82);
  EXPECT_EQ(t.at(0, 2).bits(), 0x3F81);
  EXPECT_EQ(t.at(0, 3).bits(), 0x7F80);
  EXPECT_EQ(t.at(0, 4).bits(), 0x0000);
  EXPECT_EQ(t.at(0, 5).bits(), 0x0000);
  EXPECT_EQ(t.at(0, 6).bits(), 0xFF80);
  EXPECT_EQ(t.at(0, 7).bits(), 0x7F80);
  // Reading widens exactly.
  const Tile back = t.tile(0);
  EXPECT_EQ(back(0, 1), 1.0f + 0x1p-6f);
  EXPECT_TRUE(std::isinf(back(0, 3)));
  // Every element written equals bf16(x) of what was assigned.
  const Tile r = Tile(iota(32, 32).tile(0)) * 0.0137f;
  t.tile(0, 0) = r;
  for (uint32_t i = 0; i < 32; ++i)
    for (uint32_t j = 0; j < 32; ++j) ASSERT_EQ(t.at(i, j).bits(), bf16(r(i, j)).bits());
}

TEST(Tensor, FloatWriteStoresExactly) {
  Tensor<float> t(32, 32);
  const float v = 1.0f + 0x1p-20f;
  t.tile(0) = fill(v);
  EXPECT_EQ(t.at(17, 5), v);
}

TEST(Tensor, HandleSemantics) {
  Tensor<float> a(64, 32);
  Tensor<float> b = a;  // shares storage
  b.at(0, 0) = 3.0f;
  EXPECT_EQ(a.at(0, 0), 3.0f);
  EXPECT_EQ(a.data(), b.data());
  write_through(a);  // by-value parameter writes the caller's tensor
  EXPECT_EQ(a.at(32, 0), 5.0f);
  EXPECT_EQ(a.at(63, 31), 5.0f);
  const Tensor<float> c = a;  // const handle, mutable elements
  c.at(1, 1) = 4.0f;
  EXPECT_EQ(a.at(1, 1), 4.0f);
}

TEST(Tensor, TileRefAssignmentCopiesValues) {
  Tensor<float> a = iota(32, 64);
  Tensor<bf16> h(32, 64);
  a.tile(1) = a.tile(0);  // copies the contents, does not rebind
  EXPECT_EQ(a.at(5, 32 + 7), float(5 * 64 + 7));
  a.at(5, 7) = -1.0f;
  EXPECT_EQ(a.at(5, 32 + 7), float(5 * 64 + 7));  // tile 1 unaffected by later writes to tile 0
  h.tile(0) = a.tile(0);  // float -> bf16 converts (rounds)
  EXPECT_EQ(h.at(5, 7).bits(), bf16(-1.0f).bits());
  EXPECT_EQ(h.at(31, 31).bits(), bf16(float(31 * 64 + 31)).bits());
  a.tile(0) = a.tile(0);  // self-assignment is a no-op
  EXPECT_EQ(a.at(5, 7), -1.0f);
}

TEST(Tensor, TileRefCompoundAssignment) {
  Tensor<float> a(32, 32);
  a.tile(0) = fill(2.0f);
  a.tile(0) += fill(3.0f);
  EXPECT_EQ(a.at(9, 9), 5.0f);
  a.tile(0) -= fill(1.0f);
  EXPECT_EQ(a.at(9, 9), 4.0f);
  a.tile(0, 0) *= fill(0.5f);
  EXPECT_EQ(a.at(9, 9), 2.0f);
  // bf16: read (widen), add in float, round once on write.
  Tensor<bf16> h(32, 32);
  h.tile(0) = fill(1.0f);
  h.tile(0) += fill(0x1p-8f + 0x1p-12f);  // 1.0041504 -> nearest bf16 is 1 + 2^-7
  EXPECT_EQ(h.at(0, 0).bits(), 0x3F81);
  h.tile(0) += fill(0x1p-9f);  // 1.0078125 + 0.001953125: below halfway -> stays 0x3F81
  EXPECT_EQ(h.at(0, 0).bits(), 0x3F81);
}

TEST(Tensor, ExpressionsOnTileRefs) {
  Tensor<float> a = iota(32, 64), out(32, 64);
  out.tile(1) = -a.tile(0) + 2.0f * a.tile(1) - a.tile(0) * a.tile(1);
  const Tile x = a.tile(0), y = a.tile(1);
  const Tile want = -x + 2.0f * y - x * y;
  for (uint32_t r = 0; r < 32; ++r)
    for (uint32_t c = 0; c < 32; ++c) ASSERT_EQ(out.at(r, 32 + c), want(r, c));
  out.tile(0) = exp(a.tile(0) * 0.001f) + matmul(a.tile(0), a.tile(1)) + transpose(a.tile(1));
  EXPECT_EQ(out.at(3, 4), Tile(exp(x * 0.001f) + matmul(x, y) + transpose(y))(3, 4));
}

TEST(Tensor, OutOfRangeTilesThrow) {
  Tensor<bf16> t(64, 96);  // 2 x 3 tiles
  EXPECT_THROW(t.tile(2, 0), std::out_of_range);
  EXPECT_THROW(t.tile(0, 3), std::out_of_range);  // page id 3 exists, but (0, 3) is not a tile
  EXPECT_THROW(t.tile(6), std::out_of_range);
  EXPECT_THROW(t.tile(UINT32_MAX), std::out_of_range);
  EXPECT_NO_THROW(t.tile(1, 2));
  EXPECT_NO_THROW(t.tile(5));
  EXPECT_THROW(t.at(64, 0), std::out_of_range);
  EXPECT_THROW(t.at(0, 96), std::out_of_range);
  EXPECT_THROW(Tensor<float>().tile(0), std::out_of_range);
  try {
    t.tile(0, 3);
    FAIL();
  } catch (const std::out_of_range& e) {
    EXPECT_NE(std::string(e.what()).find("2x3 tiles"), std::string::npos) << e.what();
  }
}

TEST(ReferenceKernels, Eltwise) {
  Tensor<bf16> a(64, 64), b(64, 64), out(64, 64);
  fill_random(a, 1);
  fill_random(b, 2);
  eltwise(a, b, out, 0.75f);
  for (uint32_t r = 0; r < 64; ++r)
    for (uint32_t c = 0; c < 64; ++c) {
      const float s = float(a.at(r, c)) + float(b.at(r, c));
      ASSERT_EQ(out.at(r, c).bits(), bf16((s > 0 ? s : 0.0f) * 0.75f).bits()) << r << "," << c;
    }
}

TEST(ReferenceKernels, Matmul) {
  Tensor<bf16> A(64, 96), B(96, 32), C(64, 32);
  fill_random(A, 3);
  fill_random(B, 4);
  matmul(A, B, C);
  // Each output tile: float accumulation over tiles k, each tile product summed in increasing k.
  for (uint32_t r = 0; r < 64; ++r)
    for (uint32_t c = 0; c < 32; ++c) {
      float acc = 0.0f;
      for (uint32_t kt = 0; kt < 3; ++kt) {
        float part = 0.0f;
        for (uint32_t k = 0; k < 32; ++k) {
          volatile float p = float(A.at(r, kt * 32 + k)) * float(B.at(kt * 32 + k, c));
          part = part + p;
        }
        acc += part;
      }
      ASSERT_EQ(C.at(r, c).bits(), bf16(acc).bits()) << r << "," << c;
    }
}

TEST(ReferenceKernels, SoftmaxRows) {
  Tensor<float> x(32, 64), y(32, 64);
  fill_random(x, 5);
  softmax_rows(x, y);
  for (uint32_t t = 0; t < 2; ++t)
    for (uint32_t r = 0; r < 32; ++r) {
      double sum = 0;
      for (uint32_t c = 0; c < 32; ++c) sum += y.at(r, t * 32 + c);
      EXPECT_NEAR(sum, 1.0, 1e-5);
    }
}
