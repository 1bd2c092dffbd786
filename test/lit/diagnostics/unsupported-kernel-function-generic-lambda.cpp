// A tile loop in a generic lambda outside any function: a lambda, not a member function.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

auto copy = [](auto a, auto c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
};

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      unsupported-kernel-function-generic-lambda.cpp:5:13: error: a tile loop in a lambda; a kernel must be a free function that is not a template [tilesplit-unsupported-kernel-function]{{$}}
// CHECK-NEXT:     5 | auto copy = [](auto a, auto c) {
// CHECK-NEXT:       |             ^
// CHECK-NEXT: unsupported-kernel-function-generic-lambda.cpp:6:1: note: the pragma of this loop is here{{$}}
// CHECK-NEXT:     6 | #pragma tt tile_loop parallel
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 error generated.
