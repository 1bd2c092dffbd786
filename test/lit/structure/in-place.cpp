// a.tile(i) = exp(a.tile(i)): a tensor both read and written gets an input CB (c_0) and a separate output CB (c_16); both kernels address it.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/inplace/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/inplace/compute.cpp
// RUN: FileCheck %s --check-prefix=WRITER < %t/inplace/writer.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void inplace(Tensor<bf16> a) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < a.num_tiles(); ++i)
    a.tile(i) = exp(a.tile(i));
}

// READER: const uint32_t a_addr = get_arg_val<uint32_t>(0);
// READER: constexpr uint32_t cb_a = tt::CBIndex::c_0;
// READER: noc_async_read_page(i, a, get_write_ptr(cb_a));

// COMPUTE: constexpr uint32_t cb_a = tt::CBIndex::c_0;
// COMPUTE-NEXT: constexpr uint32_t [[OUT:cb_a_[a-z0-9_]+]] = tt::CBIndex::c_16;
// COMPUTE: compute_kernel_hw_startup(cb_a, [[OUT]]);
// COMPUTE: copy_tile(cb_a, 0, 0);
// COMPUTE: pack_tile(0, [[OUT]]);

// WRITER: const uint32_t a_addr = get_arg_val<uint32_t>(0);
// WRITER: constexpr uint32_t [[WOUT:cb_a_[a-z0-9_]+]] = tt::CBIndex::c_16;
// WRITER: const auto a = TensorAccessor(a_args, a_addr, get_tile_size([[WOUT]]));
// WRITER: cb_wait_front([[WOUT]], 1);
// WRITER-NEXT: noc_async_write_page(i, a, get_read_ptr([[WOUT]]));
