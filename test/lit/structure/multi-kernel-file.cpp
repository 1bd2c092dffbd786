// A file with two kernels (and a plain helper) gets one folder per kernel; --kernel translates only the named one.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=FIRST < %t/first/compute.cpp
// RUN: FileCheck %s --check-prefix=SECOND < %t/second/compute.cpp
// RUN: test ! -e %t/helper
// RUN: rm -rf %t.one && %tilesplit %s -o %t.one --kernel=second
// RUN: test -f %t.one/second/compute.cpp
// RUN: test ! -e %t.one/first
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void first(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = exp(a.tile(i));
}

void second(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = relu(a.tile(i));
}

void helper(int x) {}

// FIRST: // Compute for kernel 'first'
// FIRST: exp_tile(0);
// FIRST-NOT: relu

// SECOND: // Compute for kernel 'second'
// SECOND: relu_tile(0);
// SECOND-NOT: exp_tile
