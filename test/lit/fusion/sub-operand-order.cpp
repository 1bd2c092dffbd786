// c = a - exp(b): the non-commutative SFPU subtraction keeps the user's operand order (slot of a minus slot of exp(b)).
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/subr/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void subr(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) - exp(b.tile(i));
}

// COMPUTE: tile_regs_acquire();
// COMPUTE-NEXT: copy_init(cb_a);
// COMPUTE-NEXT: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: copy_init(cb_b);
// COMPUTE-NEXT: copy_tile(cb_b, 0, 1);
// COMPUTE-NEXT: exp_tile_init();
// COMPUTE-NEXT: exp_tile(1);
// COMPUTE-NEXT: sub_binary_tile_init();
// COMPUTE-NEXT: sub_binary_tile(0, 1, 0);
// COMPUTE-NEXT: tile_regs_commit();
