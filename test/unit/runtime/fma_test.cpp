// Built with -mfma: matmul still rounds every product (no fused multiply-add), so the CPU reference
// does not depend on the host's instruction set.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include <tilesplit/tile.hpp>

using tilesplit::Tile;

TEST(Fma, MatmulDoesNotFuse) {
  std::mt19937 rng(99);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  Tile x, y;
  for (uint32_t r = 0; r < 32; ++r)
    for (uint32_t c = 0; c < 32; ++c) {
      x(r, c) = dist(rng);
      y(r, c) = dist(rng);
    }
  const Tile z = tilesplit::matmul(x, y);
  int differs_from_fused = 0;
  for (uint32_t i = 0; i < 32; ++i)
    for (uint32_t j = 0; j < 32; ++j) {
      float unfused = 0.0f, fused = 0.0f;
      for (uint32_t k = 0; k < 32; ++k) {
        volatile float p = x(i, k) * y(k, j);
        unfused = unfused + p;
        fused = std::fma(x(i, k), y(k, j), fused);
      }
      ASSERT_EQ(z(i, j), unfused) << i << "," << j;
      differs_from_fused += (unfused != fused);
    }
  EXPECT_GT(differs_from_fused, 0) << "the data cannot tell fused from unfused";
}
