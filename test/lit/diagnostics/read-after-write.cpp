// A row of t is stored, then read back through DRAM in the same iteration.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void scratch(Tensor<bf16> a, Tensor<bf16> t, Tensor<bf16> y) {
#pragma tt tile_loop parallel
  for (uint32_t r = 0; r < a.tile_rows(); ++r) {
#pragma tt tile_loop
    for (uint32_t c = 0; c < a.tile_cols(); ++c)
      t.tile(r, c) = exp(a.tile(r, c));
#pragma tt tile_loop
    for (uint32_t c = 0; c < a.tile_cols(); ++c)
      y.tile(r, c) = t.tile(r, c) * 2.0f;
  }
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      read-after-write.cpp:13:24: error: 't' is read after this iteration writes the tile; the reader fetches it from DRAM before the writer has stored it: use the value itself (a Tile local) or read it in a separate kernel [tilesplit-read-after-write]{{$}}
// CHECK-NEXT:    13 |       y.tile(r, c) = t.tile(r, c) * 2.0f;
// CHECK-NEXT:       |                        ^
// CHECK-NEXT: read-after-write.cpp:10:7: note: 't' is written here{{$}}
// CHECK-NEXT:    10 |       t.tile(r, c) = exp(a.tile(r, c));
// CHECK-NEXT:       |       ^
// CHECK-NEXT: 1 error generated.
