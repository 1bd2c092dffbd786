// matmul (profile 2026-08): compute_kernel_hw_startup<SrcOrder::Reverse>(in0, in1, out) once, then
// matmul_init(in0, in1). The mm_init family was removed.
#pragma once

#include "api/compute/common.h"
#include "tilesplit_emu/compute/matmul.h"

namespace ckernel {
ALWI void matmul_init(std::uint32_t in0_cb_id, std::uint32_t in1_cb_id, const std::uint32_t transpose = 0,
                      std::uint32_t call_line = __builtin_LINE()) {
  tilesplit_emu_init::matmul(in0_cb_id, in1_cb_id, transpose, "matmul_init", call_line);
}
}  // namespace ckernel
