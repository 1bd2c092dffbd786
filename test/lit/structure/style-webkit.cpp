// --style=WebKit: 4-space indentation and the function's opening brace on its own line, in kernels and host alike.
// RUN: rm -rf %t && %tilesplit %s -o %t --style=WebKit
// RUN: FileCheck %s --check-prefix=READER --strict-whitespace < %t/add/reader.cpp
// RUN: FileCheck %s --check-prefix=COMPUTE --strict-whitespace < %t/add/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void add(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) + b.tile(i);
}

// READER: {{^}}void kernel_main(){{$}}
// READER-NEXT: {{^}}{{{$}}
// READER-NEXT: {{^}}    const uint32_t a_addr = get_arg_val<uint32_t>(0);
// READER: {{^}}    for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {{{$}}
// READER-NEXT: {{^}}        // style-webkit.cpp
// READER-NEXT: {{^}}        cb_reserve_back(cb_a, 1);

// COMPUTE: {{^}}void kernel_main(){{$}}
// COMPUTE-NEXT: {{^}}{{{$}}
// COMPUTE: {{^}}        tile_regs_acquire();
