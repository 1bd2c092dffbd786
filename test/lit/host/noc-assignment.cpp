// ReaderDataMovementConfig / WriterDataMovementConfig do on Wormhole (preferred DRAM-read NOC 0, DRAM-write NOC 1); the host uses
// NOC::RISCV_1_default (= NOC 1) for the reader and NOC::RISCV_0_default (= NOC 0) for the writer, and the manifest agrees with the host.
// RUN: rm -rf %t && %tilesplit %s -o %t '--style={BasedOnStyle: LLVM, ColumnLimit: 300}'
// RUN: FileCheck %s --check-prefix=HOST < %t/copyk/host.cpp
// RUN: FileCheck %s --check-prefix=MANIFEST < %t/copyk/manifest.json
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void copyk(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// HOST: KernelHandle reader = CreateKernel({{.*}}DataMovementConfig{.processor = DataMovementProcessor::RISCV_1, .noc = NOC::{{NOC_0|RISCV_0_default}},
// HOST: KernelHandle writer = CreateKernel({{.*}}DataMovementConfig{.processor = DataMovementProcessor::RISCV_0, .noc = NOC::{{NOC_1|RISCV_1_default}},

// MANIFEST: "role": "reader",
// MANIFEST-NEXT: "file": "reader.cpp",
// MANIFEST-NEXT: "processor": "RISCV_1",
// MANIFEST-NEXT: "noc": 0,
// MANIFEST: "role": "writer",
// MANIFEST-NEXT: "file": "writer.cpp",
// MANIFEST-NEXT: "processor": "RISCV_0",
// MANIFEST-NEXT: "noc": 1,
