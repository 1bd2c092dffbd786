// a.tile(i + off) with a uint32_t parameter: the offset is a runtime arg of the reader only, after the addresses.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/shift/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/shift/compute.cpp
// RUN: FileCheck %s --check-prefix=WRITER < %t/shift/writer.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void shift(Tensor<bf16> a, Tensor<bf16> c, uint32_t off) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i + off);
}

// READER: const uint32_t a_addr = get_arg_val<uint32_t>(0);
// READER-NEXT: const uint32_t off = get_arg_val<uint32_t>(1);
// READER-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(2);
// READER-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(3);
// READER: noc_async_read_page(i + off, a, get_write_ptr(cb_a));

// COMPUTE-NOT: uint32_t off
// WRITER-NOT: uint32_t off
