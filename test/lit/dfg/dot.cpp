// --dump-dfg=dot writes <out>/<kernel>/dfg.dot next to the kernels: read sites
// with their input CBs, the operations in evaluation order, a tile local used
// twice in an intermediate CB, the store with its output CB; operands of a
// subtraction are labelled, since their order matters.
// RUN: rm -rf %t && %tilesplit %s -o %t --dump-dfg=dot
// RUN: FileCheck %s --input-file=%t/blend/dfg.dot
// RUN: test -f %t/blend/compute.cpp
// RUN: test ! -e %t/blend/dfg.json
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void blend(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out, float alpha) {
#pragma tt tile_loop parallel buffers(4)
  for (uint32_t i = 0; i < out.num_tiles(); ++i) {
    Tile d = a.tile(i) - b.tile(i);
    out.tile(i) = exp(d) * alpha + d * fill(0.5f);
  }
}

// CHECK:      digraph "blend" {
// CHECK-NEXT:   graph [label="blend\nparallel over i in [0, out.num_tiles()): out.num_tiles() units",
// CHECK:      s0 [label="a.tile(i)\nc_0, 4 pages", shape=box,
// CHECK-NEXT: s1 [label="b.tile(i)\nc_1, 4 pages", shape=box,
// CHECK-NEXT: n0 [label="sub", shape=ellipse,
// CHECK-NEXT: i0 [label="cb_d\nc_24, 4 pages", shape=box,
// CHECK-NEXT: n1 [label="exp", shape=ellipse,
// CHECK-NEXT: n2 [label="_ * alpha", shape=ellipse,
// CHECK-NEXT: n3 [label="fill(0.5f)", shape=ellipse,
// CHECK-NEXT: n4 [label="mul", shape=ellipse,
// CHECK-NEXT: n5 [label="add", shape=ellipse,
// CHECK-NEXT: w0 [label="out.tile(i)\nc_16, 4 pages", shape=box,
// CHECK-NEXT: s0 -> n0 [label="lhs"];
// CHECK-NEXT: s1 -> n0 [label="rhs"];
// CHECK-NEXT: n0 -> i0;
// CHECK-NEXT: i0 -> n1;
// CHECK-NEXT: n1 -> n2;
// CHECK-NEXT: i0 -> n4;
// CHECK-NEXT: n3 -> n4;
// CHECK-NEXT: n2 -> n5;
// CHECK-NEXT: n4 -> n5;
// CHECK-NEXT: n5 -> w0;
// CHECK-NEXT: }
