// One small kernel per supported elementwise op and fusion, each run end to end
// by tilesplit-run against the CPU reference (see CMakeLists.txt beside this).
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void add(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) + b.tile(i);
}

void sub(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) - b.tile(i);
}

void mul(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * b.tile(i);
}

void scalar_ops(Tensor<bf16> x, Tensor<bf16> y, float alpha, float beta) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = (beta - x.tile(i) * alpha + 1.0f) * 2.0f - -0.5f;
}

void scalar_left(Tensor<bf16> x, Tensor<bf16> y, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = alpha + (alpha * x.tile(i)) - x.tile(i) * -alpha;
}

void unary_exp(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = exp(x.tile(i));
}

void unary_log(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = log(x.tile(i));
}

void unary_sqrt(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = sqrt(x.tile(i));
}

void unary_rsqrt(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = rsqrt(x.tile(i));
}

void unary_recip(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = recip(x.tile(i));
}

void unary_relu(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = relu(x.tile(i));
}

void unary_gelu(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = gelu(x.tile(i));
}

void unary_sigmoid(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = sigmoid(x.tile(i));
}

void unary_tanh(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = tanh(x.tile(i));
}

void unary_abs(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = abs(x.tile(i));
}

void unary_square(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = square(x.tile(i));
}

void unary_neg(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = neg(x.tile(i));
}

void negate(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = -x.tile(i);
}

// SFPU binary ops: operands that are not both straight from CBs.
void sfpu_binary(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = exp(a.tile(i)) + b.tile(i) * sigmoid(b.tile(i)) - tanh(a.tile(i) - b.tile(i));
}

// silu: the same tile used twice in one expression is read once.
void silu(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = x.tile(i) * sigmoid(x.tile(i));
}

// A tile local used twice goes through an intermediate CB.
void local_twice(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i) {
    Tile t = exp(x.tile(i) * 0.5f);
    y.tile(i) = t * t + t;
  }
}

// Two outputs from the same inputs.
void sum_and_difference(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> s, Tensor<bf16> d) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < a.num_tiles(); ++i) {
    s.tile(i) = a.tile(i) + b.tile(i);
    d.tile(i) = a.tile(i) - b.tile(i);
  }
}

// Constant tiles.
void fills(Tensor<bf16> x, Tensor<bf16> y, Tensor<bf16> z) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i) {
    y.tile(i) = fill(2.5f) * x.tile(i);
    z.tile(i) = zeros();
  }
}

// Nested parallel loops with a bias row broadcast over tile rows.
void bias_rows(Tensor<bf16> x, Tensor<bf16> bias, Tensor<bf16> y) {
  const uint32_t Mt = x.tile_rows(), Nt = x.tile_cols();
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < Mt; ++r) {
#pragma tt tile_loop parallel
    for (uint32_t c = 0; c < Nt; ++c)
      y.tile(r, c) = gelu(x.tile(r, c) + bias.tile(0, c));
  }
}

// A sequential tile loop inside each unit of parallel work.
void row_scale(Tensor<bf16> x, Tensor<bf16> y, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < x.tile_rows(); ++r) {
#pragma tt tile_loop buffers(4)
    for (uint32_t c = 0; c < x.tile_cols(); ++c)
      y.tile(r, c) = relu(x.tile(r, c)) * alpha;
  }
}

// Offsets in loop bounds and indices.
void shifted(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 1; i < x.num_tiles(); ++i)
    y.tile(i - 1) = x.tile(i) - x.tile(i - 1);
}

// float32 tensors.
void float32_ops(Tensor<float> a, Tensor<float> b, Tensor<float> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = sqrt(abs(a.tile(i))) * b.tile(i) + 0.25f;
}

// Read and written in one nest, each iteration at its own tile, read first:
// what the legality stage accepts (test/lit/structure/legality-accepted.cpp).
void in_place(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = c.tile(i) * 0.5f + a.tile(i);
}

// Two stores of one tensor that never meet: even and odd tiles.
void interleave(Tensor<bf16> a, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < a.num_tiles(); ++i) {
    y.tile(2 * i) = a.tile(i);
    y.tile(2 * i + 1) = exp(a.tile(i));
  }
}

// A Tile local nothing uses (test/lit/structure/unused-local.cpp).
void dead_local(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 1; i < y.num_tiles(); ++i) {
    Tile unused = log(abs(b.tile(i - 1)) + 1.0f);
    y.tile(i) = a.tile(i) + b.tile(i);
  }
}

// K batches of R tile rows: the store's row k * R + m tells every (k, m) apart
// because m stays below R (the legality stage's batch rule).
void batched(Tensor<bf16> a, Tensor<bf16> c, uint32_t K, uint32_t R) {
#pragma tt tile_loop parallel
  for (uint32_t k = 0; k < K; ++k) {
#pragma tt tile_loop parallel
    for (uint32_t m = 0; m < R; ++m) {
#pragma tt tile_loop parallel
      for (uint32_t n = 0; n < c.tile_cols(); ++n)
        c.tile(k * R + m, n) = exp(a.tile(k * R + m, n));
    }
  }
}
