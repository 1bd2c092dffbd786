// Tensor<float>: every CB is Float32 with 4096-byte pages, and the manifest says so for tensors and CBs alike.
// RUN: rm -rf %t && %tilesplit %s -o %t '--style={BasedOnStyle: LLVM, ColumnLimit: 300}'
// RUN: FileCheck %s --check-prefix=HOST < %t/f32/host.cpp
// RUN: FileCheck %s --check-prefix=MANIFEST < %t/f32/manifest.json
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void f32(Tensor<float> a, Tensor<float> b, Tensor<float> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) + b.tile(i);
}

// HOST: CircularBufferConfig(2 * 4096, {{[{][{]}}cb_a, tt::DataFormat::Float32}}).set_page_size(cb_a, 4096)
// HOST: CircularBufferConfig(2 * 4096, {{[{][{]}}cb_b, tt::DataFormat::Float32}}).set_page_size(cb_b, 4096)
// HOST: CircularBufferConfig(2 * 4096, {{[{][{]}}cb_c, tt::DataFormat::Float32}}).set_page_size(cb_c, 4096)
// HOST-NOT: Float16_b

// MANIFEST: "parameters": [
// MANIFEST: "name": "a",
// MANIFEST-NEXT: "kind": "tensor",
// MANIFEST-NEXT: "format": "Float32",
// MANIFEST-NEXT: "page_bytes": 4096,
// MANIFEST: "circular_buffers": [
// MANIFEST: "name": "cb_c",
// MANIFEST: "format": "Float32",
// MANIFEST-NEXT: "pages": 2,
// MANIFEST-NEXT: "page_bytes": 4096
// MANIFEST-NOT: Float16_b
