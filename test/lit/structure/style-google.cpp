// --style=Google reformats every generated file: two spaces before trailing comments, '}  // namespace'.
// RUN: rm -rf %t && %tilesplit %s -o %t --style=Google
// RUN: FileCheck %s --check-prefix=COMPUTE --strict-whitespace < %t/scal/compute.cpp
// RUN: FileCheck %s --check-prefix=HOST --strict-whitespace < %t/scal/host.cpp
// RUN: rm -rf %t.llvm && %tilesplit %s -o %t.llvm
// RUN: FileCheck %s --check-prefix=LLVM --strict-whitespace < %t.llvm/scal/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void scal(Tensor<bf16> a, Tensor<bf16> c, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * alpha;
}

// --strict-whitespace makes the exact gap before the trailing comment significant.
// COMPUTE: {{^}}  const uint32_t alpha = get_arg_val<uint32_t>(0);{{  }}// float bits{{$}}
// HOST: {{^}}}{{  }}// namespace tilesplit_kernels::scal{{$}}
// LLVM: {{^}}  const uint32_t alpha = get_arg_val<uint32_t>(0);{{ }}// float bits{{$}}
