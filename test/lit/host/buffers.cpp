// buffers(4) on the tile loop gives every CB that loop streams 4 pages (4 * 2048 bytes) instead of the default 2.
// RUN: rm -rf %t && %tilesplit %s -o %t '--style={BasedOnStyle: LLVM, ColumnLimit: 300}'
// RUN: FileCheck %s --check-prefix=HOST < %t/buf4/host.cpp
// RUN: FileCheck %s --check-prefix=MANIFEST < %t/buf4/manifest.json
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void buf4(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel buffers(4)
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = exp(a.tile(i));
}

// HOST: CircularBufferConfig(4 * 2048, {{[{][{]}}cb_a, tt::DataFormat::Float16_b}}).set_page_size(cb_a, 2048)
// HOST: CircularBufferConfig(4 * 2048, {{[{][{]}}cb_c, tt::DataFormat::Float16_b}}).set_page_size(cb_c, 2048)

// MANIFEST: "circular_buffers": [
// MANIFEST: "name": "cb_a",
// MANIFEST: "pages": 4,
// MANIFEST-NEXT: "page_bytes": 2048
// MANIFEST: "name": "cb_c",
// MANIFEST: "pages": 4,
// MANIFEST-NEXT: "page_bytes": 2048
