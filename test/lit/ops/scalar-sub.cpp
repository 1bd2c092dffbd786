// c = a - beta: a scalar on the right of '-' becomes sub_unary_tile(dst, beta).
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/ssub/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void ssub(Tensor<bf16> a, Tensor<bf16> c, float beta) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) - beta;
}

// COMPUTE: const uint32_t beta = get_arg_val<uint32_t>(0); // float bits
// COMPUTE: binop_with_scalar_tile_init();
// COMPUTE-NEXT: // scalar-sub.cpp:{{[0-9]+}}: for
// COMPUTE: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: sub_unary_tile(0, beta);
// COMPUTE-NEXT: tile_regs_commit();
