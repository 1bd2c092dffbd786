// c = beta + a: a scalar on the left of a commutative '+' is still add_unary_tile(dst, beta).
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/ladd/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void ladd(Tensor<bf16> a, Tensor<bf16> c, float beta) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = beta + a.tile(i);
}

// COMPUTE: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: add_unary_tile(0, beta);
// COMPUTE-NEXT: tile_regs_commit();
