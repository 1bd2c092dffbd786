// y = row_sum(x): reduce_tile from the input CB, scaled by a tile of ones that
// the compute kernel makes once into its own CB before any work.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/rowsum/compute.cpp
// RUN: FileCheck %s --check-prefix=HOST < %t/rowsum/host.cpp
// RUN: FileCheck %s --check-prefix=MANIFEST < %t/rowsum/manifest.json
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void rowsum(Tensor<bf16> x, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y.tile(i) = row_sum(x.tile(i));
}

// COMPUTE: #include "api/compute/eltwise_unary/fill.h"
// COMPUTE: #include "api/compute/reduce.h"
// COMPUTE: constexpr uint32_t cb_x = tt::CBIndex::c_0;
// COMPUTE-NEXT: constexpr uint32_t cb_y = tt::CBIndex::c_16;
// COMPUTE-NEXT: constexpr uint32_t cb_scaler = tt::CBIndex::c_24;
// COMPUTE-EMPTY:
// COMPUTE-NEXT: compute_kernel_hw_startup(cb_x, cb_scaler, cb_y);
// COMPUTE-NEXT: // the scaler tile reduce_tile multiplies by: all ones
// COMPUTE-NEXT: cb_reserve_back(cb_scaler, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: fill_tile_init();
// COMPUTE-NEXT: fill_tile(0, 1.0f);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: pack_tile(0, cb_scaler);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: cb_push_back(cb_scaler, 1);
// COMPUTE-NEXT: cb_wait_front(cb_scaler, 1);
// COMPUTE-NEXT: reduce_init<PoolType::SUM, ReduceDim::REDUCE_ROW>(cb_x, cb_scaler, cb_y);
// COMPUTE-NEXT: // row-sum.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// COMPUTE-NEXT: // row-sum.cpp:{{[0-9]+}}: y.tile(i) = row_sum(x.tile(i));
// COMPUTE-NEXT: cb_wait_front(cb_x, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: reduce_tile<PoolType::SUM, ReduceDim::REDUCE_ROW>(cb_x, cb_scaler, 0, 0, 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_y, 1);
// COMPUTE-NEXT: pack_tile(0, cb_y);
// COMPUTE-NEXT: cb_push_back(cb_y, 1);
// COMPUTE-NEXT: cb_pop_front(cb_x, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: }
// COMPUTE-NEXT: cb_pop_front(cb_scaler, 1);
// COMPUTE-NEXT: }

// The scaler CB: one page, in the kernel's data format.
// HOST: constexpr uint32_t cb_scaler = tt::CBIndex::c_24;
// HOST-NEXT: CreateCircularBuffer(
// HOST-NEXT: program, all_cores,
// HOST-NEXT: CircularBufferConfig(1 * 2048, {{[{][{]}}cb_scaler, tt::DataFormat::Float16_b}})
// MANIFEST: "index": 24,
// MANIFEST-NEXT: "name": "cb_scaler",
// MANIFEST-NEXT: "kind": "intermediate",
// MANIFEST-NEXT: "format": "Float16_b",
// MANIFEST-NEXT: "pages": 1,
