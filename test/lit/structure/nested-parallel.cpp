// Two nested parallel loops are linearised into units: data-movement kernels recover m and n from the unit, compute (which needs no index) does not.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/par2/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/par2/compute.cpp
// RUN: FileCheck %s --check-prefix=WRITER < %t/par2/writer.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void par2(Tensor<bf16> a, Tensor<bf16> c) {
  const uint32_t Mt = a.tile_rows();
  const uint32_t Nt = a.tile_cols();
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < Mt; ++m) {
#pragma tt tile_loop parallel
    for (uint32_t n = 0; n < Nt; ++n)
      c.tile(m, n) = relu(a.tile(m, n));
  }
}

// Mt is not needed on the device: only the tile-column count travels.
// READER: const uint32_t a_addr = get_arg_val<uint32_t>(0);
// READER-NEXT: const uint32_t a_tile_cols = get_arg_val<uint32_t>(1);
// READER-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(2);
// READER-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(3);
// READER-NEXT: const uint32_t Nt = a_tile_cols;
// READER-NOT: tile_rows
// READER-NOT: Mt =
// READER: for (uint32_t unit = unit_begin; unit < unit_begin + unit_count; ++unit) {
// READER-NEXT: const uint32_t m = unit / Nt;
// READER-NEXT: const uint32_t n = unit % Nt;
// READER-NEXT: // nested-parallel.cpp
// READER-NEXT: cb_reserve_back(cb_a, 1);
// READER-NEXT: noc_async_read_page(m * a_tile_cols + n, a, get_write_ptr(cb_a));
// READER-NEXT: noc_async_read_barrier();
// READER-NEXT: cb_push_back(cb_a, 1);
// READER-NEXT: }

// COMPUTE: void kernel_main() {
// COMPUTE-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(0);
// COMPUTE-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(1);
// COMPUTE-NOT: get_arg_val
// COMPUTE: relu_tile_init();
// COMPUTE-NEXT: // nested-parallel.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (uint32_t unit = unit_begin; unit < unit_begin + unit_count; ++unit) {
// COMPUTE-NEXT: // nested-parallel.cpp
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NOT: unit / Nt

// WRITER: const uint32_t c_addr = get_arg_val<uint32_t>(0);
// WRITER-NEXT: const uint32_t a_tile_cols = get_arg_val<uint32_t>(1);
// WRITER-NEXT: const uint32_t c_tile_cols = get_arg_val<uint32_t>(2);
// WRITER-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(3);
// WRITER-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(4);
// WRITER-NEXT: const uint32_t Nt = a_tile_cols;
// WRITER: for (uint32_t unit = unit_begin; unit < unit_begin + unit_count; ++unit) {
// WRITER-NEXT: const uint32_t m = unit / Nt;
// WRITER-NEXT: const uint32_t n = unit % Nt;
// WRITER-NEXT: // nested-parallel.cpp
// WRITER-NEXT: cb_wait_front(cb_c, 1);
// WRITER-NEXT: noc_async_write_page(m * c_tile_cols + n, c, get_read_ptr(cb_c));
// WRITER-NEXT: noc_async_writes_flushed();
// WRITER-NEXT: cb_pop_front(cb_c, 1);
