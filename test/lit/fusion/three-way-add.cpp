// c = a + b + d: FPU add_tiles for the CB pair, copy_tile of d into slot 1, add_binary_tile; the only SFPU op's init is hoisted, the FPU path switches add->copy so its inits stay in the loop.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/add3/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/add3/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void add3(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> d, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) + b.tile(i) + d.tile(i);
}

// READER: const uint32_t a_addr = get_arg_val<uint32_t>(0);
// READER-NEXT: const uint32_t b_addr = get_arg_val<uint32_t>(1);
// READER-NEXT: const uint32_t d_addr = get_arg_val<uint32_t>(2);
// READER-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(3);
// READER-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(4);
// READER: constexpr uint32_t cb_d = tt::CBIndex::c_2;
// READER: constexpr auto d_args =
// READER-NEXT: TensorAccessorArgs<b_args.next_compile_time_args_offset()>();
// READER: cb_reserve_back(cb_a, 1);
// READER-NEXT: cb_reserve_back(cb_b, 1);
// READER-NEXT: cb_reserve_back(cb_d, 1);
// READER-NEXT: noc_async_read_page(i, a, get_write_ptr(cb_a));
// READER-NEXT: noc_async_read_page(i, b, get_write_ptr(cb_b));
// READER-NEXT: noc_async_read_page(i, d, get_write_ptr(cb_d));
// READER-NEXT: noc_async_read_barrier();
// READER-NEXT: cb_push_back(cb_a, 1);
// READER-NEXT: cb_push_back(cb_b, 1);
// READER-NEXT: cb_push_back(cb_d, 1);

// COMPUTE: #include "api/compute/common.h"
// COMPUTE-NEXT: #include "api/compute/compute_kernel_hw_startup.h"
// COMPUTE-NEXT: #include "api/compute/eltwise_binary.h"
// COMPUTE-NEXT: #include "api/compute/eltwise_binary_sfpu.h"
// COMPUTE-NEXT: #include "api/compute/tile_move_copy.h"
// COMPUTE-NOT: #include
// COMPUTE: compute_kernel_hw_startup(cb_a, cb_b, cb_c);
// COMPUTE-NEXT: add_binary_tile_init();
// COMPUTE-NEXT: // three-way-add.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (
// COMPUTE-NEXT: // three-way-add.cpp
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: cb_wait_front(cb_b, 1);
// COMPUTE-NEXT: cb_wait_front(cb_d, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: add_init(cb_a, cb_b);
// COMPUTE-NEXT: add_tiles(cb_a, cb_b, 0, 0, 0);
// COMPUTE-NEXT: copy_init(cb_d);
// COMPUTE-NEXT: copy_tile(cb_d, 0, 1);
// COMPUTE-NEXT: add_binary_tile(0, 1, 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_c, 1);
// COMPUTE-NEXT: pack_tile(0, cb_c);
// COMPUTE-NEXT: cb_push_back(cb_c, 1);
// COMPUTE-NEXT: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: cb_pop_front(cb_b, 1);
// COMPUTE-NEXT: cb_pop_front(cb_d, 1);
// COMPUTE-NEXT: tile_regs_release();
