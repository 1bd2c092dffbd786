// A tile loop in a lambda.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
  auto copy = [&]() {
#pragma tt tile_loop parallel
    for (uint32_t i = 0; i < c.num_tiles(); ++i)
      c.tile(i) = a.tile(i);
  };
  copy();
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-kernel-function-lambda.cpp:6:15: error: a tile loop in a lambda; a kernel must be a free function that is not a template [tilesplit-unsupported-kernel-function]{{$}}
// CHECK-NEXT:     6 |   auto copy = [&]() {
// CHECK-NEXT:       |               ^
// CHECK-NEXT: unsupported-kernel-function-lambda.cpp:7:1: note: the pragma of this loop is here{{$}}
// CHECK-NEXT:     7 | #pragma tt tile_loop parallel
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
