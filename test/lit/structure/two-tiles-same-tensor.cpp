// Two different tiles of one tensor in one expression get two CBs (c_0, c_1) behind one accessor.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/pairs/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/pairs/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void pairs(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(2 * i) + a.tile(2 * i + 1);
}

// READER: const uint32_t a_addr = get_arg_val<uint32_t>(0);
// READER-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(1);
// READER: constexpr uint32_t cb_a = tt::CBIndex::c_0;
// READER-NEXT: constexpr uint32_t cb_a_1 = tt::CBIndex::c_1;
// READER: constexpr auto a_args = TensorAccessorArgs<0>();
// READER-NEXT: const auto a = TensorAccessor(a_args, a_addr, get_tile_size(cb_a));
// READER-NOT: TensorAccessorArgs<
// READER: cb_reserve_back(cb_a, 1);
// READER-NEXT: cb_reserve_back(cb_a_1, 1);
// READER-NEXT: noc_async_read_page(2 * i, a, get_write_ptr(cb_a));
// READER-NEXT: noc_async_read_page(2 * i + 1, a, get_write_ptr(cb_a_1));
// READER-NEXT: noc_async_read_barrier();
// READER-NEXT: cb_push_back(cb_a, 1);
// READER-NEXT: cb_push_back(cb_a_1, 1);

// COMPUTE: compute_kernel_hw_startup(cb_a, cb_a_1, cb_c);
// COMPUTE-NEXT: add_init(cb_a, cb_a_1);
// COMPUTE: add_tiles(cb_a, cb_a_1, 0, 0, 0);
