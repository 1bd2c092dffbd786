// A dollar sign is a GNU extension that the generated code does not use.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void copy(Tensor<bf16> x, Tensor<bf16> y$) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < x.num_tiles(); ++i)
    y$.tile(i) = x.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      reserved-name-ascii.cpp:5:40: error: 'y$' cannot name a tensor of a kernel: the generated code is plain ASCII (letters, digits and '_'); rename it [tilesplit-reserved-name]{{$}}
// CHECK-NEXT:     5 | void copy(Tensor<bf16> x, Tensor<bf16> y$) {
// CHECK-NEXT:       |                                        ^
// CHECK-NEXT: 1 error generated.
