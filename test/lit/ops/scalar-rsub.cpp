// c = alpha - a: a scalar on the left of '-' becomes rsub_unary_tile (alpha - x), not sub_unary_tile.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/rsub/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void rsub(Tensor<bf16> a, Tensor<bf16> c, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = alpha - a.tile(i);
}

// COMPUTE: const uint32_t alpha = get_arg_val<uint32_t>(0);
// COMPUTE: binop_with_scalar_tile_init();
// COMPUTE-NEXT: // scalar-rsub.cpp:{{[0-9]+}}: for
// COMPUTE: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: rsub_unary_tile(0, alpha);
// COMPUTE-NEXT: tile_regs_commit();
