// --style=file picks up the .clang-format above the output directory (here IndentWidth: 3).
// RUN: rm -rf %t && mkdir -p %t
// RUN: printf 'BasedOnStyle: LLVM\nIndentWidth: 3\n' > %t/.clang-format
// RUN: %tilesplit %s -o %t/out --style=file
// RUN: FileCheck %s --check-prefix=WRITER --strict-whitespace < %t/out/copy3/writer.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void copy3(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// WRITER: {{^}}void kernel_main() {{{$}}
// WRITER-NEXT: {{^}}   const uint32_t c_addr = get_arg_val<uint32_t>(0);
// WRITER: {{^}}   for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {{{$}}
// WRITER-NEXT: {{^}}      // style-file.cpp
// WRITER-NEXT: {{^}}      cb_wait_front(cb_c, 1);
