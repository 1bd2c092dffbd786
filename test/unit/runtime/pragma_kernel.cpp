// An annotated kernel compiled as plain C++17 with -Wall -Wextra: the header must leave no warnings
// (for GCC, which cannot silence unknown pragmas from a header, with -Wno-unknown-pragmas).
#include <cmath>
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void eltwise(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = relu(a.tile(i) + b.tile(i)) * alpha;
}

void matmul(Tensor<bf16> A, Tensor<bf16> B, Tensor<bf16> C) {
  const uint32_t Mt = A.tile_rows(), Kt = A.tile_cols(), Nt = B.tile_cols();
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < Mt; ++m) {
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < Nt; ++n) {
      Tile acc = zeros();
#pragma tt tile_loop reduce
      for (uint32_t k = 0; k < Kt; ++k)
        acc += matmul(A.tile(m, k), B.tile(k, n));
      C.tile(m, n) = acc;
    }
  }
}

void softmax_rows(Tensor<float> x, Tensor<float> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i) {
    Tile t = x.tile(i);
    Tile e = exp(t - bcast_col(row_max(t)));
    y.tile(i) = e * bcast_col(recip(row_sum(e)));
  }
}

float scalar_math(float v) { return std::exp(v) + exp(v) + sqrt(2.0f) + std::abs(v); }
