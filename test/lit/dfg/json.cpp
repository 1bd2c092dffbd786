// --dump-dfg=json writes <out>/<kernel>/dfg.json: loops below the parallel ones
// (with their buffers), the accumulator held in DST across the reduce loop with
// its initial value and its steps, and the compute nodes with the read sites
// each waits for and pops.
// RUN: rm -rf %t && %tilesplit %s -o %t --dump-dfg=json
// RUN: python3 -m json.tool %t/rownorm/dfg.json > /dev/null
// RUN: FileCheck %s --input-file=%t/rownorm/dfg.json
// RUN: test ! -e %t/rownorm/dfg.dot
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void rownorm(Tensor<bf16> x, Tensor<bf16> bias, Tensor<bf16> y) {
  const uint32_t Mt = x.tile_rows(), Kt = x.tile_cols();
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < Mt; ++m) {
    Tile acc = fill(1.0f);
#pragma tt tile_loop reduce buffers(4)
    for (uint32_t k = 0; k < Kt; ++k)
      acc += x.tile(m, k) * x.tile(m, k);
    y.tile(m, 0) = sqrt(acc) + bias.tile(0, 0);
  }
}

// CHECK:      "kernel": "rownorm",
// CHECK-NEXT: "source": "json.cpp",
// CHECK:      "parallel_loops": [
// CHECK-NEXT:   {
// CHECK-NEXT:     "var": "m",
// CHECK-NEXT:     "begin": "0",
// CHECK-NEXT:     "end": "Mt"
// CHECK:      "units": "Mt",
// CHECK-NEXT: "loops": [
// CHECK-NEXT:   {
// CHECK-NEXT:     "id": "L0",
// CHECK-NEXT:     "kind": "reduce",
// CHECK-NEXT:     "var": "k",
// CHECK-NEXT:     "begin": "0",
// CHECK-NEXT:     "end": "Kt",
// CHECK-NEXT:     "buffers": 4,
// CHECK-NEXT:     "parent": null

// Nodes, in evaluation order: the accumulator's initial value first.
// CHECK:      "nodes": [
// CHECK:      "id": "n0",
// CHECK-NEXT: "kind": "op",
// CHECK-NEXT: "op": "fill",
// CHECK-NEXT: "scalar": "1.0f",
// CHECK-NEXT: "loop": null
// CHECK:      "id": "acc0",
// CHECK-NEXT: "kind": "accumulator",
// CHECK-NEXT: "loop": null
// CHECK:      "id": "s0",
// CHECK-NEXT: "kind": "read",
// CHECK-NEXT: "tensor": "x",
// CHECK-NEXT: "spelling": "x.tile(m, k)",
// CHECK-NEXT: "index": "m * x.tile_cols() + k",
// CHECK-NEXT: "cb": 0,
// CHECK-NEXT: "pages": 4,
// CHECK-NEXT: "loop": "L0"
// CHECK:      "id": "n1",
// CHECK-NEXT: "kind": "op",
// CHECK-NEXT: "op": "mul",
// CHECK-NEXT: "loop": "L0"
// CHECK:      "id": "s1",
// CHECK-NEXT: "kind": "read",
// CHECK-NEXT: "tensor": "bias",
// CHECK-NEXT: "spelling": "bias.tile(0, 0)",
// CHECK-NEXT: "index": "0",
// CHECK-NEXT: "cb": 1,
// CHECK-NEXT: "pages": 2,
// CHECK-NEXT: "loop": null
// CHECK:      "id": "n2",
// CHECK-NEXT: "kind": "op",
// CHECK-NEXT: "op": "sqrt",
// CHECK:      "id": "n3",
// CHECK-NEXT: "kind": "op",
// CHECK-NEXT: "op": "add",
// CHECK:      "id": "w0",
// CHECK-NEXT: "kind": "write",
// CHECK-NEXT: "tensor": "y",
// CHECK-NEXT: "spelling": "y.tile(m, 0)",
// CHECK-NEXT: "index": "m * y.tile_cols()",
// CHECK-NEXT: "cb": 16,
// CHECK-NEXT: "pages": 2,
// CHECK-NEXT: "loop": null

// Edges: the initial value and each step go into the accumulator, which the
// epilogue reads; the one read site is both operands of the square.
// CHECK:      "edges": [
// CHECK:      "from": "n0",
// CHECK-NEXT: "to": "acc0",
// CHECK-NEXT: "label": "init"
// CHECK:      "from": "s0",
// CHECK-NEXT: "to": "n1",
// CHECK-NEXT: "operand": 0
// CHECK:      "from": "s0",
// CHECK-NEXT: "to": "n1",
// CHECK-NEXT: "operand": 1
// CHECK:      "from": "n1",
// CHECK-NEXT: "to": "acc0",
// CHECK-NEXT: "label": "+="
// CHECK:      "from": "acc0",
// CHECK-NEXT: "to": "n2",
// CHECK:      "from": "n2",
// CHECK-NEXT: "to": "n3",
// CHECK-NEXT: "operand": 0
// CHECK:      "from": "s1",
// CHECK-NEXT: "to": "n3",
// CHECK-NEXT: "operand": 1
// CHECK:      "from": "n3",
// CHECK-NEXT: "to": "w0"

// CHECK:      "computes": [
// CHECK:      "id": "c0",
// CHECK-NEXT: "role": "accumulate_step",
// CHECK-NEXT: "line": 19,
// CHECK-NEXT: "source": "acc += x.tile(m, k) * x.tile(m, k);",
// CHECK-NEXT: "loop": "L0",
// CHECK-NEXT: "value": "n1",
// CHECK-NEXT: "into": "acc0",
// CHECK-NEXT: "waits": [
// CHECK-NEXT:   "s0"
// CHECK-NEXT: ],
// CHECK-NEXT: "pops": [
// CHECK-NEXT:   "s0"
// CHECK-NEXT: ]
// CHECK:      "id": "c1",
// CHECK-NEXT: "role": "epilogue",
// CHECK-NEXT: "line": 20,
// CHECK-NEXT: "source": "y.tile(m, 0) = sqrt(acc) + bias.tile(0, 0);",
// CHECK-NEXT: "loop": null,
// CHECK-NEXT: "value": "n3",
// CHECK-NEXT: "into": "w0",
// CHECK-NEXT: "waits": [
// CHECK-NEXT:   "s1"
// CHECK-NEXT: ],
// CHECK-NEXT: "pops": [
// CHECK-NEXT:   "s1"
// CHECK-NEXT: ]
// CHECK-NOT:  "id":
