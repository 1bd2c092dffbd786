// manifest.json lists tensor-size runtime args (kind tensor_size) and scalar params in the same index order the kernels read them.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=READER < %t/rowshift/reader.cpp
// RUN: FileCheck %s --check-prefix=MANIFEST < %t/rowshift/manifest.json
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void rowshift(Tensor<bf16> a, Tensor<bf16> c, uint32_t off) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < c.tile_rows(); ++m) {
#pragma tt tile_loop
    for (uint32_t n = 0; n < c.tile_cols(); ++n)
      c.tile(m, n) = a.tile(m + off, n);
  }
}

// READER: const uint32_t a_addr = get_arg_val<uint32_t>(0);
// READER-NEXT: const uint32_t a_tile_cols = get_arg_val<uint32_t>(1);
// READER-NEXT: const uint32_t c_tile_cols = get_arg_val<uint32_t>(2);
// READER-NEXT: const uint32_t off = get_arg_val<uint32_t>(3);
// READER-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(4);
// READER-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(5);

// MANIFEST: "role": "reader",
// MANIFEST: "runtime_args": [
// MANIFEST: "index": 0,
// MANIFEST-NEXT: "name": "a_addr",
// MANIFEST: "index": 1,
// MANIFEST-NEXT: "name": "a_tile_cols",
// MANIFEST-NEXT: "kind": "tensor_size",
// MANIFEST-NEXT: "tensor": "a"
// MANIFEST: "index": 2,
// MANIFEST-NEXT: "name": "c_tile_cols",
// MANIFEST-NEXT: "kind": "tensor_size",
// MANIFEST-NEXT: "tensor": "c"
// MANIFEST: "index": 3,
// MANIFEST-NEXT: "name": "off",
// MANIFEST-NEXT: "kind": "scalar"
// MANIFEST: "index": 4,
// MANIFEST-NEXT: "name": "unit_begin",
// MANIFEST: "index": 5,
// MANIFEST-NEXT: "name": "unit_count",
// MANIFEST: "role": "compute",
