// Profile 2026-02, c = a * alpha: binop_with_scalar header under compute_kernel_api/, mul_unary_tile with the float bits.
// RUN: rm -rf %t && %tilesplit %s -o %t --tt-metal-api=2026-02
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/scal/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void scal(Tensor<bf16> a, Tensor<bf16> c, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * alpha;
}

// COMPUTE: #include "compute_kernel_api/common.h"
// COMPUTE-NEXT: #include "compute_kernel_api/eltwise_unary/binop_with_scalar.h"
// COMPUTE-NEXT: #include "compute_kernel_api/eltwise_unary/eltwise_unary.h"
// COMPUTE-NEXT: #include "compute_kernel_api/tile_move_copy.h"
// COMPUTE-NOT: #include
// COMPUTE: const uint32_t alpha = get_arg_val<uint32_t>(0);
// COMPUTE: init_sfpu(cb_a, cb_c);
// COMPUTE-NEXT: binop_with_scalar_tile_init();
// COMPUTE-NEXT: // scalar-2026-02.cpp:{{[0-9]+}}: for
// COMPUTE: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: mul_unary_tile(0, alpha);
// COMPUTE-NEXT: tile_regs_commit();
