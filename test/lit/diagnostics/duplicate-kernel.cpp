// Two kernels of one name in different namespaces: both would be written to <out-dir>/scale/.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

namespace fast {
void scale(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * 2.0f;
}
} // namespace fast

namespace exact {
void scale(Tensor<bf16> a, Tensor<bf16> c, float s) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * s;
}
} // namespace exact

// RUN: rm -rf %t && not %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// CHECK:      duplicate-kernel.cpp:14:6: error: another kernel of this file is also named 'scale'; each kernel is written to <out-dir>/scale/, so rename one, or translate them one at a time with --kernel=fast::scale and --kernel=exact::scale [tilesplit-duplicate-kernel]{{$}}
// CHECK-NEXT:    14 | void scale(Tensor<bf16> a, Tensor<bf16> c, float s) {
// CHECK-NEXT:       |      ^
// CHECK-NEXT: duplicate-kernel.cpp:6:6: note: the other kernel, 'fast::scale', is here{{$}}
// CHECK-NEXT:     6 | void scale(Tensor<bf16> a, Tensor<bf16> c) {
// CHECK-NEXT:       |      ^
// CHECK-NEXT: 1 error generated.

// A plain --kernel=scale selects both, so it is the same error.
// RUN: rm -rf %t && not %tilesplit %s -o %t --kernel=scale 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// A qualified --kernel chooses one; it is written to <out-dir>/scale/ and the manifest names it
// with its namespace.
// RUN: rm -rf %t && %tilesplit %s -o %t --kernel=exact::scale 2>&1 | count 0
// RUN: FileCheck %s --check-prefix=EXACT < %t/scale/manifest.json
// RUN: ls %t | FileCheck %s --check-prefix=DIRS
// RUN: rm -rf %t && %tilesplit %s -o %t --kernel=::fast::scale 2>&1 | count 0
// RUN: FileCheck %s --check-prefix=FAST < %t/scale/manifest.json
// EXACT:      "kernel": "scale",
// EXACT-NEXT: "qualified_name": "exact::scale",
// EXACT:      "name": "s",
// FAST:       "qualified_name": "fast::scale",
// FAST-NOT:   "name": "s",
// DIRS:       {{^scale$}}
// DIRS-NOT:   {{.}}
