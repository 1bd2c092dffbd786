// y = x * alpha + beta: two scalar ops share binop_with_scalar_tile_init, issued once before the loop; scalars are compute args in parameter order.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/axpb/compute.cpp
// RUN: rm -rf %t.wide && %tilesplit %s -o %t.wide '--style={BasedOnStyle: LLVM, ColumnLimit: 300}'
// RUN: FileCheck %s --check-prefix=HOST < %t.wide/axpb/host.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void axpb(Tensor<bf16> x, Tensor<bf16> y, float alpha, float beta) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < y.num_tiles(); ++i)
    y.tile(i) = x.tile(i) * alpha + beta;
}

// COMPUTE: const uint32_t alpha = get_arg_val<uint32_t>(0);
// COMPUTE-NEXT: const uint32_t beta = get_arg_val<uint32_t>(1);
// COMPUTE-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(2);
// COMPUTE-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(3);
// COMPUTE: compute_kernel_hw_startup(cb_x, cb_y);
// COMPUTE-NEXT: copy_init(cb_x);
// COMPUTE-NEXT: binop_with_scalar_tile_init();
// COMPUTE-NEXT: // axpb.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (
// COMPUTE-NEXT: // axpb.cpp
// COMPUTE-NEXT: cb_wait_front(cb_x, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: copy_tile(cb_x, 0, 0);
// COMPUTE-NEXT: mul_unary_tile(0, alpha);
// COMPUTE-NEXT: add_unary_tile(0, beta);
// COMPUTE-NEXT: tile_regs_commit();

// HOST: SetRuntimeArgs(program, compute, core, {float_bits(alpha), float_bits(beta), unit_begin, unit_count});
