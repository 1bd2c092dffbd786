// A file without tile loops: a warning, exit status 0, nothing written.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

float twice(float x) { return 2.0f * x; }

// RUN: rm -rf %t && %tilesplit %s -o %t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
// RUN: test ! -e %t

// --warnings-as-errors makes it an error: exit status 1.
// RUN: not %tilesplit %s -o %t --warnings-as-errors 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WERROR --implicit-check-not=error: --implicit-check-not=warning:
// RUN: test ! -e %t

// --suppress=<name> silences it: nothing printed at all, also with --warnings-as-errors.
// RUN: %tilesplit %s -o %t --suppress=no-kernels 2>&1 | count 0
// RUN: %tilesplit %s -o %t --suppress=no-kernels --warnings-as-errors 2>&1 | count 0
// RUN: test ! -e %t

// CHECK:      no-kernels.cpp:1:1: warning: no '#pragma tt tile_loop' found in this file; nothing to translate [tilesplit-no-kernels]{{$}}
// CHECK-NEXT:     1 | // A file without tile loops: a warning, exit status 0, nothing written.
// CHECK-NEXT:       | ^
// CHECK-NEXT: 1 warning generated.

// WERROR:      no-kernels.cpp:1:1: error: no '#pragma tt tile_loop' found in this file; nothing to translate [tilesplit-no-kernels]{{$}}
// WERROR-NEXT:     1 | // A file without tile loops: a warning, exit status 0, nothing written.
// WERROR-NEXT:       | ^
// WERROR-NEXT: 1 error generated.
