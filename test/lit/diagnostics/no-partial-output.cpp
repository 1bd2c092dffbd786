// Nothing is written unless every kernel of every file translates: with one good
// and one bad file, sequentially or in parallel, the output directory is not
// even created.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void broken(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel bufers(4)
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i);
}

// RUN: rm -rf %t && not %tilesplit %examples/eltwise.cpp %s -o %t 2>&1 | FileCheck %s
// RUN: test ! -e %t
// RUN: not %tilesplit %s %examples/eltwise.cpp -o %t -j 2 2>&1 | FileCheck %s
// RUN: test ! -e %t

// An output directory that already exists keeps what it had: the good file's
// kernel is not added next to it.
// RUN: mkdir -p %t && echo keep > %t/old.txt
// RUN: not %tilesplit %examples/eltwise.cpp %s -o %t 2>&1 | FileCheck %s
// RUN: ls %t | FileCheck %s --check-prefix=LS --implicit-check-not=eltwise

// CHECK: no-partial-output.cpp:8:31: error: unknown clause 'bufers' in '#pragma tt tile_loop' [tilesplit-unknown-clause]
// LS: old.txt
