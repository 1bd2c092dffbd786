// manifest.json for relu(a + b) * alpha: parameters, CBs, and each kernel's placement, compile-time args and indexed runtime args, matching the generated kernels.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=MANIFEST < %t/eltwise/manifest.json
// RUN: python3 -c "import json,sys; json.load(open(sys.argv[1]))" %t/eltwise/manifest.json
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void eltwise(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = relu(a.tile(i) + b.tile(i)) * alpha;
}

// MANIFEST: "kernel": "eltwise",
// MANIFEST-NEXT: "qualified_name": "eltwise",
// MANIFEST-NEXT: "source": "manifest.cpp",
// MANIFEST-NEXT: "tt_metal_api": "2026-08",
// MANIFEST-NEXT: "arch": "wormhole_b0",

// MANIFEST: "parameters": [
// MANIFEST: "name": "a",
// MANIFEST-NEXT: "kind": "tensor",
// MANIFEST-NEXT: "format": "Float16_b",
// MANIFEST-NEXT: "page_bytes": 2048,
// MANIFEST-NEXT: "read": true,
// MANIFEST-NEXT: "written": false
// MANIFEST: "name": "b",
// MANIFEST: "name": "out",
// MANIFEST-NEXT: "kind": "tensor",
// MANIFEST-NEXT: "format": "Float16_b",
// MANIFEST-NEXT: "page_bytes": 2048,
// MANIFEST-NEXT: "read": false,
// MANIFEST-NEXT: "written": true
// MANIFEST: "name": "alpha",
// MANIFEST-NEXT: "kind": "scalar",
// MANIFEST-NEXT: "type": "float"

// MANIFEST: "circular_buffers": [
// MANIFEST: "index": 0,
// MANIFEST-NEXT: "name": "cb_a",
// MANIFEST-NEXT: "kind": "input",
// MANIFEST-NEXT: "tensor": "a",
// MANIFEST: "index": 1,
// MANIFEST-NEXT: "name": "cb_b",
// MANIFEST-NEXT: "kind": "input",
// MANIFEST-NEXT: "tensor": "b",
// MANIFEST: "index": 16,
// MANIFEST-NEXT: "name": "cb_out",
// MANIFEST-NEXT: "kind": "output",
// MANIFEST-NEXT: "tensor": "out",
// MANIFEST-NEXT: "format": "Float16_b",
// MANIFEST-NEXT: "pages": 2,
// MANIFEST-NEXT: "page_bytes": 2048

// MANIFEST: "kernels": [
// MANIFEST: "role": "reader",
// MANIFEST-NEXT: "file": "reader.cpp",
// MANIFEST-NEXT: "processor": "RISCV_1",
// MANIFEST: "compile_time_args": [
// MANIFEST: "kind": "tensor_accessor_args",
// MANIFEST-NEXT: "tensor": "a",
// MANIFEST: "kind": "tensor_accessor_args",
// MANIFEST-NEXT: "tensor": "b",
// MANIFEST: "runtime_args": [
// MANIFEST: "index": 0,
// MANIFEST-NEXT: "name": "a_addr",
// MANIFEST-NEXT: "kind": "tensor_address",
// MANIFEST-NEXT: "tensor": "a"
// MANIFEST: "index": 1,
// MANIFEST-NEXT: "name": "b_addr",
// MANIFEST: "index": 2,
// MANIFEST-NEXT: "name": "unit_begin",
// MANIFEST-NEXT: "kind": "unit_begin"
// MANIFEST: "index": 3,
// MANIFEST-NEXT: "name": "unit_count",
// MANIFEST-NEXT: "kind": "unit_count"
// MANIFEST-NEXT: }
// MANIFEST-NEXT: ]

// MANIFEST: "role": "compute",
// MANIFEST-NEXT: "file": "compute.cpp",
// MANIFEST-NEXT: "math_fidelity": "HiFi4",
// MANIFEST-NEXT: "fp32_dest_acc_en": false,
// MANIFEST-NEXT: "math_approx_mode": false,
// MANIFEST-NEXT: "defines": {},
// MANIFEST-NEXT: "compile_time_args": [],
// MANIFEST-NEXT: "runtime_args": [
// MANIFEST: "index": 0,
// MANIFEST-NEXT: "name": "alpha",
// MANIFEST-NEXT: "kind": "scalar"
// MANIFEST: "index": 1,
// MANIFEST-NEXT: "name": "unit_begin",
// MANIFEST: "index": 2,
// MANIFEST-NEXT: "name": "unit_count",
// MANIFEST-NEXT: "kind": "unit_count"
// MANIFEST-NEXT: }
// MANIFEST-NEXT: ]

// MANIFEST: "role": "writer",
// MANIFEST-NEXT: "file": "writer.cpp",
// MANIFEST-NEXT: "processor": "RISCV_0",
// MANIFEST: "compile_time_args": [
// MANIFEST: "tensor": "out",
// MANIFEST: "runtime_args": [
// MANIFEST: "index": 0,
// MANIFEST-NEXT: "name": "out_addr",
// MANIFEST-NEXT: "kind": "tensor_address",
// MANIFEST-NEXT: "tensor": "out"
// MANIFEST: "index": 1,
// MANIFEST-NEXT: "name": "unit_begin",
// MANIFEST: "index": 2,
// MANIFEST-NEXT: "name": "unit_count",
// MANIFEST-NEXT: "kind": "unit_count"
// MANIFEST-NEXT: }
// MANIFEST-NEXT: ]

// MANIFEST: "cores": {
// MANIFEST-NEXT: "grid": "device",
// MANIFEST-NEXT: "units": "{{.*}}",
// MANIFEST-NEXT: "split": "split_work_to_cores"
