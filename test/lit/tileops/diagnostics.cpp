// What the FPU cannot do with reductions, broadcasts and transposes is an error
// at the expression, with nothing written.
// RUN: rm -rf %t
// RUN: not %tilesplit %s -o %t/out --kernel=lone_broadcast 2>&1 | FileCheck %s --check-prefix=LONE --implicit-check-not=error: --implicit-check-not=warning:
// RUN: not %tilesplit %s -o %t/out --kernel=two_broadcasts 2>&1 | FileCheck %s --check-prefix=TWO --implicit-check-not=error: --implicit-check-not=warning:
// RUN: not %tilesplit %s -o %t/out --kernel=max_in_step 2>&1 | FileCheck %s --check-prefix=MAX --implicit-check-not=error: --implicit-check-not=warning:
// RUN: not %tilesplit %s -o %t/out --kernel=computed_in_step 2>&1 | FileCheck %s --check-prefix=STEP --implicit-check-not=error: --implicit-check-not=warning:
// RUN: not ls %t/out
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void lone_broadcast(Tensor<bf16> a, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < a.num_tiles(); ++i)
    y.tile(i) = exp(bcast_row(a.tile(i)));
}
// LONE: diagnostics.cpp:[[@LINE-2]]:5: error: unsupported expression in a tile loop: a broadcast is an operand of +, - or * with another tile, e.g. 'x + bcast_row(b)' [tilesplit-unsupported-expression]

void two_broadcasts(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < a.num_tiles(); ++i)
    y.tile(i) = bcast_row(a.tile(i)) + bcast_col(b.tile(i));
}
// TWO: diagnostics.cpp:[[@LINE-2]]:38: error: unsupported expression in a tile loop: only one operand of a binary op can be broadcast [tilesplit-unsupported-expression]

void max_in_step(Tensor<bf16> x, Tensor<bf16> s) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < x.tile_rows(); ++r) {
    Tile acc = zeros();
#pragma tt tile_loop reduce
    for (uint32_t k = 0; k < x.tile_cols(); ++k)
      acc += row_max(x.tile(r, k));
    s.tile(r, 0) = acc;
  }
}
// MAX: diagnostics.cpp:[[@LINE-4]]:7: error: unsupported expression in a tile loop: 'row_max' inside an accumulation needs a DST slot of its own; compute it in a kernel of its own or before the accumulation [tilesplit-unsupported-expression]

void computed_in_step(Tensor<bf16> x, Tensor<bf16> s) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < x.tile_rows(); ++r) {
    Tile acc = zeros();
#pragma tt tile_loop reduce
    for (uint32_t k = 0; k < x.tile_cols(); ++k)
      acc += row_sum(exp(x.tile(r, k)));
    s.tile(r, 0) = acc;
  }
}
// STEP: diagnostics.cpp:[[@LINE-4]]:14: error: unsupported expression in a tile loop: in an accumulation step, the operand of a reduction, broadcast or transpose must be a tile read from a tensor; accumulate first and reduce the accumulator after the loop [tilesplit-unsupported-expression]
