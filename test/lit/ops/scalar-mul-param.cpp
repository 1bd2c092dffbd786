// c = a * alpha: a float parameter reaches only the compute kernel, as IEEE bits, and is passed as bits to mul_unary_tile.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/scal/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/scal/compute.cpp
// RUN: rm -rf %t.wide && %tilesplit %s -o %t.wide '--style={BasedOnStyle: LLVM, ColumnLimit: 300}'
// RUN: FileCheck %s --check-prefix=HOST < %t.wide/scal/host.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void scal(Tensor<bf16> a, Tensor<bf16> c, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * alpha;
}

// READER-NOT: uint32_t alpha

// COMPUTE: #include "api/compute/common.h"
// COMPUTE-NEXT: #include "api/compute/compute_kernel_hw_startup.h"
// COMPUTE-NEXT: #include "api/compute/eltwise_unary/binop_with_scalar.h"
// COMPUTE-NEXT: #include "api/compute/tile_move_copy.h"
// COMPUTE-NOT: #include
// COMPUTE: void kernel_main() {
// COMPUTE-NEXT: const uint32_t alpha = get_arg_val<uint32_t>(0); // float bits
// COMPUTE-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(1);
// COMPUTE-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(2);
// COMPUTE: compute_kernel_hw_startup(cb_a, cb_c);
// COMPUTE-NEXT: copy_init(cb_a);
// COMPUTE-NEXT: binop_with_scalar_tile_init();
// COMPUTE-NEXT: // scalar-mul-param.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// COMPUTE-NEXT: // scalar-mul-param.cpp:{{[0-9]+}}: c.tile(i) = a.tile(i) * alpha;
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: mul_unary_tile(0, alpha);
// COMPUTE-NEXT: tile_regs_commit();

// HOST: inline uint32_t float_bits(float value) {
// HOST: SetRuntimeArgs(program, reader, core, {static_cast<uint32_t>(a.buffer->address()), unit_begin, unit_count});
// HOST-NEXT: SetRuntimeArgs(program, compute, core, {float_bits(alpha), unit_begin, unit_count});
// HOST-NEXT: SetRuntimeArgs(program, writer, core, {static_cast<uint32_t>(c.buffer->address()), unit_begin, unit_count});
