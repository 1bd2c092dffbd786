// A Tile local used once folds into DST: exp(s) runs on the add_tiles result in place, no intermediate CB.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/single/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void single(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i) {
    Tile s = a.tile(i) + b.tile(i);
    c.tile(i) = exp(s);
  }
}

// COMPUTE-NOT: c_24
// COMPUTE: compute_kernel_hw_startup(cb_a, cb_b, cb_c);
// COMPUTE-NEXT: add_init(cb_a, cb_b);
// COMPUTE-NEXT: exp_tile_init();
// COMPUTE-NEXT: // local-single-use.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (
// COMPUTE-NEXT: // local-single-use.cpp
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: cb_wait_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: add_tiles(cb_a, cb_b, 0, 0, 0);
// COMPUTE-NEXT: exp_tile(0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_c, 1);
// COMPUTE-NEXT: pack_tile(0, cb_c);
// COMPUTE-NEXT: cb_push_back(cb_c, 1);
// COMPUTE-NEXT: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: cb_pop_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: }
// COMPUTE-NOT: pack_tile
