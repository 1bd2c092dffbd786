// A balanced 16-leaf SFPU tree needs 5 DST tiles: it fits the 8-tile bf16 DST (slots 0..4 only), and with --fp32-dest-acc (4 tiles) it is a diagnostic, not broken code.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/wide/compute.cpp
// RUN: rm -rf %t.acc && not %tilesplit %s -o %t.acc --fp32-dest-acc 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: test ! -e %t.acc/wide/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void wide(Tensor<bf16> t0, Tensor<bf16> t1, Tensor<bf16> t2, Tensor<bf16> t3, Tensor<bf16> t4, Tensor<bf16> t5, Tensor<bf16> t6, Tensor<bf16> t7, Tensor<bf16> t8, Tensor<bf16> t9, Tensor<bf16> t10, Tensor<bf16> t11, Tensor<bf16> t12, Tensor<bf16> t13, Tensor<bf16> t14, Tensor<bf16> t15,
          Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = ((((exp(t0.tile(i)) * exp(t1.tile(i))) * (exp(t2.tile(i)) * exp(t3.tile(i)))) * ((exp(t4.tile(i)) * exp(t5.tile(i))) * (exp(t6.tile(i)) * exp(t7.tile(i))))) * (((exp(t8.tile(i)) * exp(t9.tile(i))) * (exp(t10.tile(i)) * exp(t11.tile(i)))) * ((exp(t12.tile(i)) * exp(t13.tile(i))) * (exp(t14.tile(i)) * exp(t15.tile(i))))));
}

// COMPUTE: tile_regs_acquire();
// COMPUTE-NOT: copy_tile(cb_t{{[0-9]+}}, 0, {{[5-9]}});
// COMPUTE-NOT: _binary_tile({{.*[5-9].*}});
// COMPUTE-NOT: exp_tile({{[5-9]}});
// COMPUTE: copy_tile(cb_t{{[0-9]+}}, 0, 4);
// COMPUTE-NOT: copy_tile(cb_t{{[0-9]+}}, 0, {{[5-9]}});
// COMPUTE-NOT: _binary_tile({{.*[5-9].*}});
// COMPUTE-NOT: exp_tile({{[5-9]}});
// COMPUTE: tile_regs_commit();

// ERR: error: expression needs 5 DST tiles; the limit is 4 [tilesplit-dst-capacity]
