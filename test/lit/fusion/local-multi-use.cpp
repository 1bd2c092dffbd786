// A Tile local used twice goes through intermediate CB c_24: packed, waited on, fed to both FPU operands, popped after the last use.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/multi/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/multi/compute.cpp
// RUN: FileCheck %s --check-prefix=WRITER < %t/multi/writer.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void multi(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i) {
    Tile s = a.tile(i) + b.tile(i);
    c.tile(i) = s * s;
  }
}

// The intermediate CB is internal to the compute kernel.
// READER-NOT: c_24
// WRITER-NOT: c_24

// COMPUTE: constexpr uint32_t cb_a = tt::CBIndex::c_0;
// COMPUTE-NEXT: constexpr uint32_t cb_b = tt::CBIndex::c_1;
// COMPUTE-NEXT: constexpr uint32_t cb_c = tt::CBIndex::c_16;
// COMPUTE-NEXT: constexpr uint32_t cb_s = tt::CBIndex::c_24;
// COMPUTE-EMPTY:
// COMPUTE-NEXT: compute_kernel_hw_startup(cb_a, cb_b, cb_c);
// COMPUTE-NEXT: // local-multi-use.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (
// COMPUTE-NEXT: // local-multi-use.cpp:{{[0-9]+}}: Tile s = a.tile(i) + b.tile(i);
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: cb_wait_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: add_init(cb_a, cb_b);
// COMPUTE-NEXT: add_tiles(cb_a, cb_b, 0, 0, 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_s, 1);
// COMPUTE-NEXT: pack_tile(0, cb_s);
// COMPUTE-NEXT: cb_push_back(cb_s, 1);
// COMPUTE-NEXT: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: cb_pop_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: cb_wait_front(cb_s, 1);
// COMPUTE-NEXT: // local-multi-use.cpp:{{[0-9]+}}: c.tile(i) = s * s;
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: mul_init(cb_s, cb_s);
// COMPUTE-NEXT: mul_tiles(cb_s, cb_s, 0, 0, 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_c, 1);
// COMPUTE-NEXT: pack_tile(0, cb_c);
// COMPUTE-NEXT: cb_push_back(cb_c, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: cb_pop_front(cb_s, 1);
// COMPUTE-NEXT: }
