// A deep expression is evaluated deepest-first so it needs only two DST slots (well under the 8-tile limit).
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/deep/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void deep(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> d, Tensor<bf16> e, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = exp(a.tile(i)) * (exp(b.tile(i)) + exp(d.tile(i)) * (exp(e.tile(i)) + 1.0f));
}

// Slot numbers are bound on first use; every slot is 0 or 1 and each op reads the slot its operand was left in.
// COMPUTE: tile_regs_acquire();
// COMPUTE-NEXT: copy_init(cb_d);
// COMPUTE-NEXT: copy_tile(cb_d, 0, [[D:[01]]]);
// COMPUTE-NEXT: exp_tile_init();
// COMPUTE-NEXT: exp_tile([[D]]);
// COMPUTE-NEXT: copy_init(cb_e);
// COMPUTE-NEXT: copy_tile(cb_e, 0, [[E:[01]]]);
// COMPUTE-NEXT: exp_tile([[E]]);
// COMPUTE-NEXT: binop_with_scalar_tile_init();
// COMPUTE-NEXT: add_unary_tile([[E]], 0x3f800000u);
// COMPUTE-NEXT: mul_binary_tile_init();
// COMPUTE-NEXT: mul_binary_tile({{[01], [01]}}, [[DE:[01]]]);
// COMPUTE-NEXT: copy_init(cb_b);
// COMPUTE-NEXT: copy_tile(cb_b, 0, [[B:[01]]]);
// COMPUTE-NEXT: exp_tile_init();
// COMPUTE-NEXT: exp_tile([[B]]);
// COMPUTE-NEXT: add_binary_tile_init();
// COMPUTE-NEXT: add_binary_tile({{[01], [01]}}, [[BDE:[01]]]);
// COMPUTE-NEXT: copy_init(cb_a);
// COMPUTE-NEXT: copy_tile(cb_a, 0, [[A:[01]]]);
// COMPUTE-NEXT: exp_tile_init();
// COMPUTE-NEXT: exp_tile([[A]]);
// COMPUTE-NEXT: mul_binary_tile_init();
// COMPUTE-NEXT: mul_binary_tile({{[01], [01]}}, [[R:[01]]]);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_c, 1);
// COMPUTE-NEXT: pack_tile([[R]], cb_c);
