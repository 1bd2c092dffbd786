// A block at kernel level only scopes names: the tile loop inside it is the
// kernel's tile loop, not a tile write outside any loop.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s < %t/scoped/writer.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void scoped(Tensor<bf16> a, Tensor<bf16> c) {
  {
    const uint32_t n = c.num_tiles();
#pragma tt tile_loop parallel
    for (uint32_t i = 0; i < n; ++i)
      c.tile(i) = a.tile(i);
  }
}

// CHECK: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// CHECK: noc_async_write_page(i, c, get_read_ptr(cb_c));
