// The profile changes only compute.cpp: host.cpp (and the dataflow kernels) are identical under 2026-02 and 2026-08 apart from the banner.
// RUN: rm -rf %t.a %t.b
// RUN: %tilesplit %s -o %t.a --tt-metal-api=2026-08
// RUN: %tilesplit %s -o %t.b --tt-metal-api=2026-02
// RUN: grep -v 'tt-metal 2026-0' %t.a/expk/host.cpp > %t.a.host
// RUN: grep -v 'tt-metal 2026-0' %t.b/expk/host.cpp > %t.b.host
// RUN: diff %t.a.host %t.b.host
// RUN: grep -v 'tt-metal 2026-0' %t.a/expk/reader.cpp > %t.a.reader
// RUN: grep -v 'tt-metal 2026-0' %t.b/expk/reader.cpp > %t.b.reader
// RUN: diff %t.a.reader %t.b.reader
// RUN: grep -v 'tt-metal 2026-0' %t.a/expk/writer.cpp > %t.a.writer
// RUN: grep -v 'tt-metal 2026-0' %t.b/expk/writer.cpp > %t.b.writer
// RUN: diff %t.a.writer %t.b.writer
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void expk(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = exp(a.tile(i));
}
