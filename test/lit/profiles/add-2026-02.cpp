// Profile 2026-02, c = a + b: compute_kernel_api/ headers, binary_op_init_common + add_tiles_init (tt-metal's eltwise_binary set-up); dataflow kernels as in 2026-08.
// RUN: rm -rf %t && %tilesplit %s -o %t --tt-metal-api=2026-02
// RUN: FileCheck %s --check-prefix=READER < %t/add/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/add/compute.cpp
// RUN: FileCheck %s --check-prefix=WRITER < %t/add/writer.cpp
// RUN: FileCheck %s --check-prefix=MANIFEST < %t/add/manifest.json
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void add(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) + b.tile(i);
}

// READER: tt-metal 2026-02 API
// READER: #include "api/dataflow/dataflow_api.h"
// READER-NOT: #include
// READER: noc_async_read_page(i, a, get_write_ptr(cb_a));
// WRITER: #include "api/dataflow/dataflow_api.h"
// WRITER-NOT: #include
// WRITER: noc_async_write_page(i, c, get_read_ptr(cb_c));

// COMPUTE: #include <cstdint>
// COMPUTE-EMPTY:
// COMPUTE-NEXT: #include "compute_kernel_api/common.h"
// COMPUTE-NEXT: #include "compute_kernel_api/eltwise_binary.h"
// COMPUTE-NOT: #include
// COMPUTE-NOT: api/compute
// COMPUTE: binary_op_init_common(cb_a, cb_b, cb_c);
// COMPUTE-NEXT: add_tiles_init(cb_a, cb_b);
// COMPUTE-NEXT: // add-2026-02.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// COMPUTE-NEXT: // add-2026-02.cpp
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: cb_wait_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: add_tiles(cb_a, cb_b, 0, 0, 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_c, 1);
// COMPUTE-NEXT: pack_tile(0, cb_c);
// COMPUTE-NEXT: cb_push_back(cb_c, 1);
// COMPUTE-NEXT: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: cb_pop_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: }
// COMPUTE-NOT: compute_kernel_hw_startup
// COMPUTE-NOT: add_init(

// MANIFEST: "tt_metal_api": "2026-02",
