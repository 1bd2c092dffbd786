// The example: buffers(512) on a two-input kernel overflows Wormhole's L1.
// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 | FileCheck %s --implicit-check-not=error:
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void add(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel buffers(512)
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) + b.tile(i);
}

// CHECK: buffers-512.cpp:7:31: error: circular buffers need 3145728 bytes of L1 per core; the budget is 1368064 bytes [tilesplit-l1-budget]
