// A tile loop in a function template.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

template <class T> void k(Tensor<T> a, Tensor<T> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-kernel-function-template.cpp:5:25: error: a tile loop in a function template; a kernel must be a free function that is not a template [tilesplit-unsupported-kernel-function]{{$}}
// CHECK-NEXT:     5 | template <class T> void k(Tensor<T> a, Tensor<T> c) {
// CHECK-NEXT:       |                         ^
// CHECK-NEXT: unsupported-kernel-function-template.cpp:6:1: note: the pragma of this loop is here{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop parallel
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
