// A Tile computed in the parallel loop and used inside the inner sequential loop lives in c_24 for the whole inner loop (popped after it); the inner loop's single FPU op init is hoisted to just before it.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/rowscale/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/rowscale/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void rowscale(Tensor<bf16> a, Tensor<bf16> r, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < c.tile_rows(); ++m) {
    Tile rt = exp(r.tile(m));
#pragma tt tile_loop
    for (uint32_t n = 0; n < c.tile_cols(); ++n)
      c.tile(m, n) = a.tile(m, n) * rt;
  }
}

// READER: for (uint32_t m = unit_begin; m < unit_begin + unit_count; ++m) {
// READER-NEXT: // outer-local.cpp:{{[0-9]+}}: Tile rt = exp(r.tile(m));
// READER-NEXT: cb_reserve_back(cb_r, 1);
// READER-NEXT: noc_async_read_page(m, r, get_write_ptr(cb_r));
// READER-NEXT: noc_async_read_barrier();
// READER-NEXT: cb_push_back(cb_r, 1);
// READER-NEXT: // outer-local.cpp
// READER-NEXT: for (uint32_t n = 0; n < c_tile_cols; ++n) {
// READER-NEXT: // outer-local.cpp
// READER-NEXT: cb_reserve_back(cb_a, 1);
// READER-NEXT: noc_async_read_page(m * a_tile_cols + n, a, get_write_ptr(cb_a));
// READER-NEXT: noc_async_read_barrier();
// READER-NEXT: cb_push_back(cb_a, 1);
// READER-NEXT: }
// READER-NEXT: }

// COMPUTE: constexpr uint32_t cb_rt = tt::CBIndex::c_24;
// COMPUTE: exp_tile_init();
// COMPUTE-NEXT: // outer-local.cpp
// COMPUTE-NEXT: for (uint32_t m = unit_begin; m < unit_begin + unit_count; ++m) {
// COMPUTE-NEXT: // outer-local.cpp
// COMPUTE-NEXT: cb_wait_front(cb_r, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: copy_init(cb_r);
// COMPUTE-NEXT: copy_tile(cb_r, 0, 0);
// COMPUTE-NEXT: exp_tile(0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_rt, 1);
// COMPUTE-NEXT: pack_tile(0, cb_rt);
// COMPUTE-NEXT: cb_push_back(cb_rt, 1);
// COMPUTE-NEXT: cb_pop_front(cb_r, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: cb_wait_front(cb_rt, 1);
// COMPUTE-NEXT: mul_init(cb_a, cb_rt);
// COMPUTE-NEXT: // outer-local.cpp
// COMPUTE-NEXT: for (uint32_t n = 0; n < c_tile_cols; ++n) {
// COMPUTE-NEXT: // outer-local.cpp
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: mul_tiles(cb_a, cb_rt, 0, 0, 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_c, 1);
// COMPUTE-NEXT: pack_tile(0, cb_c);
// COMPUTE-NEXT: cb_push_back(cb_c, 1);
// COMPUTE-NEXT: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: }
// COMPUTE-NEXT: cb_pop_front(cb_rt, 1);
// COMPUTE-NEXT: }
