// Parentheses around tile reads and tile expressions are only grouping: the
// kernel is the same as without them.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s < %t/twice/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void twice(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = exp(((a.tile(i)) + (a.tile(i))));
}

// CHECK: tile_regs_acquire();
// CHECK: add_tiles(cb_a, cb_a, 0, 0, 0);
// CHECK-NEXT: exp_tile(0);
// CHECK: pack_tile(0, cb_c);
