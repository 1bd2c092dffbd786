// --fp32-dest-acc on the command line sets fp32_dest_acc_en in the ComputeConfig and the manifest; the default grid is the whole device.
// RUN: rm -rf %t && %tilesplit %s -o %t --fp32-dest-acc '--style={BasedOnStyle: LLVM, ColumnLimit: 300}'
// RUN: FileCheck %s --check-prefix=HOST < %t/acc/host.cpp
// RUN: FileCheck %s --check-prefix=MANIFEST < %t/acc/manifest.json
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void acc(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = exp(a.tile(i));
}

// HOST: const CoreCoord grid = device_grid;
// HOST: ComputeConfig{.math_fidelity = MathFidelity::HiFi4, .fp32_dest_acc_en = true, .math_approx_mode = false}

// MANIFEST: "fp32_dest_acc_en": true,
// MANIFEST: "grid": "device",
