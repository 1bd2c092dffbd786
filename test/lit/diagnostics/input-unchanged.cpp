// The translator never writes its input, whether the translation succeeds or
// fails, and refuses an output directory where a generated file would replace it.
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void k(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * 2.0f;
}

// A successful run and a failing one (the kernel does not exist) leave the input as it was.
// RUN: rm -rf %t && mkdir -p %t/src && cp %s %t/src/k.cpp
// RUN: cd %t/src && sha256sum k.cpp > %t/sum
// RUN: %tilesplit %t/src/k.cpp -o %t/out
// RUN: test -f %t/out/k/compute.cpp
// RUN: not %tilesplit %t/src/k.cpp -o %t/out2 --kernel=missing 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: cd %t/src && sha256sum -c %t/sum

// An input that sits where an output would go (<out>/<kernel>/reader.cpp) is not replaced.
// RUN: mkdir -p %t/trap/k && cp %s %t/trap/k/reader.cpp
// RUN: cd %t/trap/k && sha256sum reader.cpp > %t/sum2
// RUN: not %tilesplit %t/trap/k/reader.cpp -o %t/trap 2>&1 | FileCheck %s --check-prefix=TRAP
// RUN: cd %t/trap/k && sha256sum -c %t/sum2
// RUN: ls %t/trap/k | FileCheck %s --check-prefix=LS --implicit-check-not=compute.cpp

// A header the source includes is an input too.
// RUN: mkdir -p %t/hdr/k && echo '// a header' > %t/hdr/k/writer.cpp
// RUN: echo '#include "k/writer.cpp"' > %t/hdr/main.cpp && cat %s >> %t/hdr/main.cpp
// RUN: cd %t/hdr/k && sha256sum writer.cpp > %t/sum3
// RUN: not %tilesplit %t/hdr/main.cpp -o %t/hdr 2>&1 | FileCheck %s --check-prefix=HEADER
// RUN: cd %t/hdr/k && sha256sum -c %t/sum3
// RUN: ls %t/hdr/k | FileCheck %s --check-prefix=HEADER-LS --implicit-check-not=compute.cpp

// MISSING: error: no kernel named 'missing' in this file [tilesplit-kernel-not-found]
// TRAP: tilesplit: error: writing '{{.*}}trap/k/reader.cpp' would replace the input file '{{.*}}trap/k/reader.cpp'; choose another output directory
// LS: reader.cpp
// HEADER: tilesplit: error: writing '{{.*}}hdr/k/writer.cpp' would replace the input file '{{.*}}hdr/k/writer.cpp'; choose another output directory
// HEADER-LS: writer.cpp
