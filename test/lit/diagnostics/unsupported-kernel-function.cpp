// A tile loop in a member function.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

struct Ops {
  void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
    for (uint32_t i = 0; i < c.num_tiles(); ++i)
      c.tile(i) = a.tile(i);
  }
};

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-kernel-function.cpp:6:8: error: a tile loop in a member function; a kernel must be a free function that is not a template [tilesplit-unsupported-kernel-function]{{$}}
// CHECK-NEXT:     6 |   void k(Tensor<bf16> a, Tensor<bf16> c) {
// CHECK-NEXT:       |        ^
// CHECK-NEXT: unsupported-kernel-function.cpp:7:1: note: the pragma of this loop is here{{$}}
// CHECK-NEXT:     7 | #pragma tt tile_loop parallel
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
