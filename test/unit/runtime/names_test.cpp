// `using namespace tilesplit;` next to <cmath> (and even `using namespace std;`): tile calls resolve
// to tilesplit, scalar calls to the C library, nothing is ambiguous.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <tilesplit/tile.hpp>

namespace with_std {
using namespace std;
using namespace tilesplit;

Tile all_unary(const Tile& t) {
  return exp(t) + log(t) + sqrt(t) + rsqrt(t) + recip(t) + relu(t) + gelu(t) + sigmoid(t) +
         tanh(t) + abs(t) + square(t) + neg(t) + fill(1.0f) + zeros();
}
Tile on_refs(Tensor<float> x) { return exp(x.tile(0)) + abs(x.tile(0)) + tanh(x.tile(0, 0)); }
float scalars(float x) { return std::exp(x) + exp(x) + sqrt(x) + abs(x) + std::tanh(x); }
}  // namespace with_std

namespace without_std {
using namespace tilesplit;
Tile all_unary(const Tile& t) {
  return exp(t) + log(t) + sqrt(t) + rsqrt(t) + recip(t) + relu(t) + gelu(t) + sigmoid(t) +
         tanh(t) + abs(t) + square(t) + neg(t);
}
double scalars(double x) { return exp(x) + std::exp(1.0f) + sqrt(2.0) + std::abs(-x); }
}  // namespace without_std

namespace adl_only {
// No using-directive at all: argument-dependent lookup finds the tile functions.
tilesplit::Tile f(const tilesplit::Tile& t, tilesplit::Tensor<tilesplit::bf16> x) {
  return exp(t) + relu(x.tile(0)) + matmul(t, x.tile(0)) + bcast_col(row_sum(t));
}
}  // namespace adl_only

TEST(Names, TileAndScalarOverloadsCoexist) {
  const tilesplit::Tile t = tilesplit::fill(2.0f);
  EXPECT_EQ(with_std::all_unary(t)(0, 0), without_std::all_unary(t)(0, 0) + 1.0f);
  EXPECT_EQ(with_std::scalars(1.0f),
            std::exp(1.0f) + std::exp(1.0f) + std::sqrt(1.0f) + 1.0f + std::tanh(1.0f));
  EXPECT_EQ(without_std::scalars(1.0), std::exp(1.0) + double(std::exp(1.0f)) + std::sqrt(2.0) + 1.0);
  tilesplit::Tensor<float> x(32, 32);
  EXPECT_EQ(with_std::on_refs(x)(0, 0), 1.0f);
  tilesplit::Tensor<tilesplit::bf16> h(32, 32);
  EXPECT_EQ(adl_only::f(t, h)(0, 0), std::exp(2.0f) + 64.0f);
}
