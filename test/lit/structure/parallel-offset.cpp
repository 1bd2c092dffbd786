// A parallel loop starting at 1: units count from 0 and the user's index is recovered as 1 + unit.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/from1/reader.cpp
// RUN: FileCheck %s --check-prefix=WRITER < %t/from1/writer.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void from1(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 1; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i - 1);
}

// READER: for (uint32_t unit = unit_begin; unit < unit_begin + unit_count; ++unit) {
// READER-NEXT: const uint32_t i = 1 + unit;
// READER-NEXT: // parallel-offset.cpp
// READER-NEXT: cb_reserve_back(cb_a, 1);
// READER-NEXT: noc_async_read_page(i - 1, a, get_write_ptr(cb_a));

// WRITER: for (uint32_t unit = unit_begin; unit < unit_begin + unit_count; ++unit) {
// WRITER-NEXT: const uint32_t i = 1 + unit;
// WRITER-NEXT: // parallel-offset.cpp
// WRITER-NEXT: cb_wait_front(cb_c, 1);
// WRITER-NEXT: noc_async_write_page(i, c, get_read_ptr(cb_c));
