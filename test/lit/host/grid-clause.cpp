// #pragma tt kernel grid(4, 2) math_fidelity(LoFi) fp32_dest_acc approx: the host clamps the device grid to 4x2 and the ComputeConfig carries the three compute settings.
// RUN: rm -rf %t && %tilesplit %s -o %t '--style={BasedOnStyle: LLVM, ColumnLimit: 300}'
// RUN: FileCheck %s --check-prefix=HOST < %t/gridk/host.cpp
// RUN: FileCheck %s --check-prefix=MANIFEST < %t/gridk/manifest.json
#include <tilesplit/tile.hpp>
using namespace tilesplit;

#pragma tt kernel grid(4, 2) math_fidelity(LoFi) fp32_dest_acc approx
void gridk(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = exp(a.tile(i));
}

// HOST: const CoreCoord device_grid = device.compute_with_storage_grid_size();
// HOST-NEXT: const CoreCoord grid = {std::min<size_t>(4, device_grid.x), std::min<size_t>(2, device_grid.y)};
// HOST: split_work_to_cores(grid, num_units);
// HOST: ComputeConfig{.math_fidelity = MathFidelity::LoFi, .fp32_dest_acc_en = true, .math_approx_mode = true}

// MANIFEST: "role": "compute",
// MANIFEST-NEXT: "file": "compute.cpp",
// MANIFEST-NEXT: "math_fidelity": "LoFi",
// MANIFEST-NEXT: "fp32_dest_acc_en": true,
// MANIFEST-NEXT: "math_approx_mode": true,
// MANIFEST: "cores": {
// MANIFEST-NEXT: "grid": [
// MANIFEST-NEXT: 4,
// MANIFEST-NEXT: 2
// MANIFEST-NEXT: ],
