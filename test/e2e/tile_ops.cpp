// Reductions within a tile, broadcasts and transposes, alone and fused, each run
// end to end by tilesplit-run against the CPU reference (CMakeLists.txt beside this).
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void row_sum_tiles(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = row_sum(x.tile(i));
}

void row_max_tiles(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = row_max(x.tile(i));
}

void col_sum_tiles(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = col_sum(x.tile(i));
}

void col_max_tiles(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = col_max(x.tile(i));
}

void tile_sum_tiles(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = tile_sum(x.tile(i));
}

void tile_max_tiles(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = tile_max(x.tile(i));
}

void bcast_row_add(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < a.tile_rows(); ++r)
#pragma tt tile_loop parallel
    for (uint32_t c = 0; c < a.tile_cols(); ++c)
      y.tile(r, c) = a.tile(r, c) + bcast_row(b.tile(0, c));
}

void bcast_row_sub(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < a.tile_rows(); ++r)
#pragma tt tile_loop parallel
    for (uint32_t c = 0; c < a.tile_cols(); ++c)
      y.tile(r, c) = a.tile(r, c) - bcast_row(b.tile(0, c));
}

void bcast_row_mul(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < a.tile_rows(); ++r)
#pragma tt tile_loop parallel
    for (uint32_t c = 0; c < a.tile_cols(); ++c)
      y.tile(r, c) = a.tile(r, c) * bcast_row(b.tile(0, c));
}

void bcast_col_add(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < a.tile_rows(); ++r)
#pragma tt tile_loop parallel
    for (uint32_t c = 0; c < a.tile_cols(); ++c)
      y.tile(r, c) = a.tile(r, c) + bcast_col(b.tile(r, 0));
}

void bcast_col_sub(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < a.tile_rows(); ++r)
#pragma tt tile_loop parallel
    for (uint32_t c = 0; c < a.tile_cols(); ++c)
      y.tile(r, c) = a.tile(r, c) - bcast_col(b.tile(r, 0));
}

void bcast_col_mul(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < a.tile_rows(); ++r)
#pragma tt tile_loop parallel
    for (uint32_t c = 0; c < a.tile_cols(); ++c)
      y.tile(r, c) = a.tile(r, c) * bcast_col(b.tile(r, 0));
}

void bcast_scalar_add(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < a.tile_rows(); ++r)
#pragma tt tile_loop parallel
    for (uint32_t c = 0; c < a.tile_cols(); ++c)
      y.tile(r, c) = a.tile(r, c) + bcast_scalar(b.tile(0, 0));
}

void bcast_scalar_sub(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < a.tile_rows(); ++r)
#pragma tt tile_loop parallel
    for (uint32_t c = 0; c < a.tile_cols(); ++c)
      y.tile(r, c) = a.tile(r, c) - bcast_scalar(b.tile(0, 0));
}

void bcast_scalar_mul(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < a.tile_rows(); ++r)
#pragma tt tile_loop parallel
    for (uint32_t c = 0; c < a.tile_cols(); ++c)
      y.tile(r, c) = a.tile(r, c) * bcast_scalar(b.tile(0, 0));
}

// The broadcast on the left: commutative ops swap; b - a is b broadcast into DST minus a.
void bcast_left(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y, Tensor<bf16> z) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < a.tile_rows(); ++r)
#pragma tt tile_loop parallel
    for (uint32_t c = 0; c < a.tile_cols(); ++c) {
      y.tile(r, c) = bcast_col(b.tile(r, 0)) - a.tile(r, c);
      z.tile(r, c) = bcast_row(b.tile(0, c)) * a.tile(r, c);
    }
}

// Reduced from a random-program finding (test/random, seed 100003): bcast_row(x0) - x2 was
// computed as -(x2 - bcast_row(x0)), which makes x0 - NaN a -NaN that row_max then passes over;
// the reference's +NaN wins the max. Run with special values (special_values_tile_ops.json).
void bcast_left_sub_max(Tensor<float> x0, Tensor<float> x2, Tensor<float> y0) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < y0.num_tiles(); ++i)
    y0.tile(i) = row_max(bcast_row(x0.tile(i)) - x2.tile(i));
}

void transposed(Tensor<bf16> a, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < a.tile_rows(); ++r)
#pragma tt tile_loop parallel
    for (uint32_t c = 0; c < a.tile_cols(); ++c)
      y.tile(c, r) = transpose(a.tile(r, c));
}

// Computed operands go through a temporary CB first.
void computed_operands(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y, Tensor<bf16> z) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < a.num_tiles(); ++i) {
    y.tile(i) = transpose(exp(a.tile(i))) + row_max(a.tile(i) * b.tile(i));
    z.tile(i) = sigmoid(a.tile(i)) * bcast_scalar(abs(b.tile(i)) + 1.0f);
  }
}

// reduce_tile adds into its DST slot: a slot used earlier in the same
// expression is filled with the identity first.
void reduce_after_use(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < a.num_tiles(); ++i)
    y.tile(i) = (exp(a.tile(i)) + exp(b.tile(i))) + col_sum(a.tile(i)) * row_max(b.tile(i));
}

// Row sums over a whole row of tiles: each step's reduce_tile adds into the
// accumulator itself.
void row_sums(Tensor<bf16> x, Tensor<bf16> s) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < x.tile_rows(); ++r) {
    Tile acc = zeros();
#pragma tt tile_loop reduce
    for (uint32_t k = 0; k < x.tile_cols(); ++k)
      acc += row_sum(x.tile(r, k));
    s.tile(r, 0) = acc;
  }
}

// A reduction inside a larger step: its scratch slot, written by the previous
// iteration, is zero-filled before each reduce_tile.
void scaled_col_sums(Tensor<bf16> x, Tensor<bf16> s) {
#pragma tt tile_loop parallel
  for (uint32_t c = 0; c < x.tile_cols(); ++c) {
    Tile acc = fill(1.0f);
#pragma tt tile_loop reduce
    for (uint32_t k = 0; k < x.tile_rows(); ++k)
      acc += col_sum(x.tile(k, c)) * 0.5f;
    s.tile(0, c) = acc;
  }
}

// The accumulator reduced after its loop: packed to a CB, then reduced.
void total(Tensor<bf16> x, Tensor<bf16> t) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < x.tile_rows(); ++r) {
    Tile acc = zeros();
#pragma tt tile_loop reduce
    for (uint32_t k = 0; k < x.tile_cols(); ++k)
      acc += x.tile(r, k) * x.tile(r, k);
    t.tile(r, 0) = sqrt(tile_sum(acc));
  }
}

// Softmax within each tile, and a tile normalised by its total: the examples of
// docs/language-reference.md.
void tile_softmax(Tensor<bf16> x, Tensor<bf16> y, Tensor<bf16> n) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i) {
    Tile e = exp(x.tile(i) - bcast_col(row_max(x.tile(i))));
    y.tile(i) = e * bcast_col(recip(row_sum(e)));
    n.tile(i) = x.tile(i) * bcast_scalar(recip(tile_sum(x.tile(i))));
  }
}

// Reduced from a random-program finding (test/random, seed 100276): the unused copy u made t a
// local used twice, so t went through a bf16 CB, whose packer turns a NaN into +inf, and
// tanh(+inf) is 1 where the reference's tanh(NaN) is NaN. A dead local's uses no longer count.
// Run with special values (special_values_tile_ops.json).
void unused_copy_of_local(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < y.num_tiles(); ++i) {
    Tile t = x.tile(i);
    Tile u = t;
    y.tile(i) = sigmoid(tanh(t));
  }
}
