// (sizeof(bfloat16) * 1024 = 2048 B) and bf16 host vectors, while the CBs and the kernels' TensorAccessors use
// 4096-byte Float32 pages, so page i of the accessor is not tile i of the buffer.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=HOST < %t/f32main/host.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void f32main(Tensor<float> a, Tensor<float> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = exp(a.tile(i));
}

// HOST: set_page_size(cb_a, 4096)
// HOST: int main(
// HOST-NOT: sizeof(bfloat16)
// HOST-NOT: std::vector<bfloat16>
// HOST: #endif
