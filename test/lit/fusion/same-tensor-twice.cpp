// c = a * a: the same tile read twice is one CB page, read once, and feeds both FPU operands.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/square2/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/square2/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void square2(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * a.tile(i);
}

// READER: for (uint32_t i = unit_begin;
// READER-NEXT: // same-tensor-twice.cpp
// READER-NEXT: cb_reserve_back(cb_a, 1);
// READER-NEXT: noc_async_read_page(i, a, get_write_ptr(cb_a));
// READER-NEXT: noc_async_read_barrier();
// READER-NEXT: cb_push_back(cb_a, 1);
// READER-NEXT: }

// COMPUTE-NOT: c_1;
// COMPUTE: compute_kernel_hw_startup(cb_a, cb_a, cb_c);
// COMPUTE-NEXT: mul_init(cb_a, cb_a);
// COMPUTE: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: mul_tiles(cb_a, cb_a, 0, 0, 0);
// COMPUTE: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_release();
