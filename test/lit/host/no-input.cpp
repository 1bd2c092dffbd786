// A kernel with no input tensor (fill) has no reader: the host creates no reader kernel, no input CB and no reader runtime args.
// RUN: rm -rf %t && %tilesplit %s -o %t '--style={BasedOnStyle: LLVM, ColumnLimit: 300}'
// RUN: FileCheck %s --check-prefix=HOST < %t/ones/host.cpp
// RUN: FileCheck %s --check-prefix=MANIFEST < %t/ones/manifest.json
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void ones(Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = fill(1.0f);
}

// HOST-NOT: {{reader|RISCV_1}}
// HOST: constexpr uint32_t cb_c = tt::CBIndex::c_16;
// HOST-NOT: {{reader|RISCV_1}}
// HOST: KernelHandle compute = CreateKernel(program, kernel_dir + "/compute.cpp"
// HOST-NOT: {{reader|RISCV_1}}
// HOST: KernelHandle writer = CreateKernel(program, kernel_dir + "/writer.cpp"
// HOST-NOT: {{reader|RISCV_1}}
// HOST: SetRuntimeArgs(program, compute, core, {unit_begin, unit_count});
// HOST-NEXT: SetRuntimeArgs(program, writer, core, {static_cast<uint32_t>(c.buffer->address()), unit_begin, unit_count});

// MANIFEST-NOT: "role": "reader"
// MANIFEST: "role": "compute"
// MANIFEST-NOT: "role": "reader"
// MANIFEST: "role": "writer"
// MANIFEST-NOT: "role": "reader"
