// row_max(exp(a)) + transpose(b): the reduction reads a CB, so exp(a) is packed
// into a temporary CB (cb_exp) by a node of its own first. The reduction runs
// before anything else touches DST, into slot 0; reduce_uninit undoes its packer
// set-up before the transpose's init. Both profiles: transpose_init/transpose_tile
// (2026-08) and transpose_wh_init_short/transpose_wh_tile (2026-02).
// RUN: rm -rf %t && %tilesplit %s -o %t/l && %tilesplit %s -o %t/b --tt-metal-api=2026-02
// RUN: FileCheck %s --check-prefixes=COMPUTE,L < %t/l/k/compute.cpp
// RUN: FileCheck %s --check-prefixes=COMPUTE,B < %t/b/k/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < a.num_tiles(); ++i)
    y.tile(i) = row_max(exp(a.tile(i))) + transpose(b.tile(i));
}

// L: #include "api/compute/transpose.h"
// B: #include "compute_kernel_api/transpose_wh.h"
// COMPUTE: constexpr uint32_t cb_exp = tt::CBIndex::c_24;
// COMPUTE-NEXT: constexpr uint32_t cb_scaler = tt::CBIndex::c_25;
// COMPUTE: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// COMPUTE-NEXT: // materialise-transpose.cpp:{{[0-9]+}}: y.tile(i) = row_max(exp(a.tile(i)))
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// L-NEXT: copy_init(cb_a);
// B-NEXT: copy_tile_init(cb_a);
// COMPUTE-NEXT: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: exp_tile_init();
// COMPUTE-NEXT: exp_tile(0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_exp, 1);
// COMPUTE-NEXT: pack_tile(0, cb_exp);
// COMPUTE-NEXT: cb_push_back(cb_exp, 1);
// COMPUTE-NEXT: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: cb_wait_front(cb_exp, 1);
// COMPUTE-NEXT: // materialise-transpose.cpp:{{[0-9]+}}: y.tile(i) = row_max(exp(a.tile(i)))
// COMPUTE-NEXT: cb_wait_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: reduce_init<PoolType::MAX, ReduceDim::REDUCE_ROW>(cb_exp, cb_scaler, cb_y);
// COMPUTE-NEXT: reduce_tile<PoolType::MAX, ReduceDim::REDUCE_ROW>(cb_exp, cb_scaler, 0, 0,
// COMPUTE-NEXT: 0);
// COMPUTE-NEXT: reduce_uninit();
// L-NEXT: transpose_init(cb_b);
// L-NEXT: transpose_tile(cb_b, 0, 1);
// B-NEXT: transpose_wh_init_short(cb_b);
// B-NEXT: transpose_wh_tile(cb_b, 0, 1);
// COMPUTE-NEXT: add_binary_tile_init();
// COMPUTE-NEXT: add_binary_tile(0, 1, 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_y, 1);
// COMPUTE-NEXT: pack_tile(0, cb_y);
// COMPUTE-NEXT: cb_push_back(cb_y, 1);
// COMPUTE-NEXT: cb_pop_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: cb_pop_front(cb_exp, 1);
// COMPUTE-NEXT: }
// COMPUTE-NEXT: cb_pop_front(cb_scaler, 1);
// COMPUTE-NEXT: }
