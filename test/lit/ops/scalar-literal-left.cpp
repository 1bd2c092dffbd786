// c = 0.5f * a + 1.0f: literal on the left of '*', two scalar ops sharing one hoisted binop_with_scalar_tile_init.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/lmul/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void lmul(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = 0.5f * a.tile(i) + 1.0f;
}

// COMPUTE: copy_init(cb_a);
// COMPUTE-NEXT: binop_with_scalar_tile_init();
// COMPUTE-NEXT: // scalar-literal-left.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (
// COMPUTE-NEXT: // scalar-literal-left.cpp
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: mul_unary_tile(0, 0x3f000000u);
// COMPUTE-NEXT: add_unary_tile(0, 0x3f800000u);
// COMPUTE-NEXT: tile_regs_commit();
