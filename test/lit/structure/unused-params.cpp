// Scalar parameters the loop never mentions become no runtime argument in any kernel, and the host does not pass them.
// RUN: rm -rf %t && %tilesplit %s -o %t '--style={BasedOnStyle: LLVM, ColumnLimit: 300}'
// RUN: FileCheck %s --check-prefix=KERNEL < %t/unused/reader.cpp
// RUN: FileCheck %s --check-prefix=KERNEL < %t/unused/compute.cpp
// RUN: FileCheck %s --check-prefix=KERNEL < %t/unused/writer.cpp
// RUN: FileCheck %s --check-prefix=HOST < %t/unused/host.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void unused(Tensor<bf16> a, Tensor<bf16> c, float alpha, uint32_t k) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// KERNEL-NOT: alpha
// KERNEL-NOT: const uint32_t k
// KERNEL-NOT: tile_rows
// KERNEL-NOT: tile_cols

// HOST: SetRuntimeArgs(program, reader, core, {static_cast<uint32_t>(a.buffer->address()), unit_begin, unit_count});
// HOST-NEXT: SetRuntimeArgs(program, compute, core, {unit_begin, unit_count});
// HOST-NEXT: SetRuntimeArgs(program, writer, core, {static_cast<uint32_t>(c.buffer->address()), unit_begin, unit_count});
