// The intermediate CB of a multi-use Tile local (c_24) is created on the host like the others; it follows the loop's buffers(3).
// RUN: rm -rf %t && %tilesplit %s -o %t '--style={BasedOnStyle: LLVM, ColumnLimit: 300}'
// RUN: FileCheck %s --check-prefix=HOST < %t/bufint/host.cpp
// RUN: FileCheck %s --check-prefix=MANIFEST < %t/bufint/manifest.json
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void bufint(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel buffers(3)
  for (uint32_t i = 0; i < c.num_tiles(); ++i) {
    Tile s = exp(a.tile(i));
    c.tile(i) = s * s;
  }
}

// HOST: constexpr uint32_t cb_a = tt::CBIndex::c_0;
// HOST-NEXT: CircularBufferConfig(3 * 2048, {{[{][{]}}cb_a, tt::DataFormat::Float16_b}})
// HOST-NEXT: constexpr uint32_t cb_c = tt::CBIndex::c_16;
// HOST-NEXT: CircularBufferConfig(3 * 2048, {{[{][{]}}cb_c, tt::DataFormat::Float16_b}})
// HOST-NEXT: constexpr uint32_t cb_s = tt::CBIndex::c_24;
// HOST-NEXT: CircularBufferConfig(3 * 2048, {{[{][{]}}cb_s, tt::DataFormat::Float16_b}}).set_page_size(cb_s, 2048)

// MANIFEST: "index": 24,
// MANIFEST-NEXT: "name": "cb_s",
// MANIFEST-NEXT: "kind": "intermediate",
// MANIFEST-NEXT: "format": "Float16_b",
// MANIFEST-NEXT: "pages": 3,
// MANIFEST-NEXT: "page_bytes": 2048
