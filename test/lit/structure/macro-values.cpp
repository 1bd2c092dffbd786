// Macros may supply values: loop bounds, indices and scalar operands are
// translated by value, since the generated kernels have no such macros
// (a command-line -D works the same way). Tile code from macros is an error
// (diagnostics/in-macro*.cpp).
// RUN: rm -rf %t && %tilesplit %s -o %t -- -DSTRIDE=2
// RUN: FileCheck %s --check-prefix=READER < %t/shifted/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/shifted/compute.cpp
// RUN: FileCheck %s --check-prefix=HOST < %t/shifted/host.cpp
// Outside the comments that quote the source, no macro name is left.
// RUN: not grep -E '^ *[^ /].*(OFFSET|STRIDE|SCALE|NEXT)' %t/shifted/reader.cpp \
// RUN:   %t/shifted/compute.cpp %t/shifted/writer.cpp %t/shifted/host.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

#define OFFSET 3u
#define SCALE 0.5f
#define NEXT(i) ((i) + 1)

void shifted(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles() - OFFSET; ++i)
    c.tile(i) = a.tile(NEXT(i) * STRIDE + OFFSET) * SCALE + fill(SCALE);
}

// READER: noc_async_read_page((i + 1) * 2 + 3u, a, get_write_ptr(cb_a));
// COMPUTE: mul_unary_tile(0, 0x3f000000u);
// COMPUTE: fill_tile(1, 0.5f);
// HOST: const uint32_t num_units = (c.tile_rows * c.tile_cols) - 3u;
