// c = a + 1.5f: a float literal is folded into the call as its IEEE bits (0x3fc00000) and costs no runtime argument.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/lit/compute.cpp
// RUN: FileCheck %s --check-prefix=HOST < %t/lit/host.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void lit(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) + 1.5f;
}

// COMPUTE: void kernel_main() {
// COMPUTE-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(0);
// COMPUTE-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(1);
// COMPUTE-NOT: get_arg_val
// COMPUTE: binop_with_scalar_tile_init();
// COMPUTE: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: add_unary_tile(0, 0x3fc00000u);
// COMPUTE-NEXT: tile_regs_commit();

// HOST: SetRuntimeArgs(program, compute, core, {unit_begin, unit_count});
