// matmul (profile 2026-02): mm_init(in0, in1, out) is the full start-up and configures matmul;
// mm_init_short(in0, in1) re-configures it after another op.
#pragma once

#include "compute_kernel_api/common.h"
#include "tilesplit_emu/compute/matmul.h"

namespace ckernel {
ALWI void mm_init(std::uint32_t in0_cb_id, std::uint32_t in1_cb_id, std::uint32_t out_cb_id,
                  const std::uint32_t transpose = 0, std::uint32_t call_line = __builtin_LINE()) {
  (void)out_cb_id;
  tilesplit_emu_init::startup("mm_init", call_line);
  tilesplit_emu_init::matmul(in0_cb_id, in1_cb_id, transpose, "mm_init", call_line);
}
ALWI void mm_init_short(std::uint32_t in0_cb_id, std::uint32_t in1_cb_id, const std::uint32_t transpose = 0,
                        std::uint32_t call_line = __builtin_LINE()) {
  tilesplit_emu_init::matmul(in0_cb_id, in1_cb_id, transpose, "mm_init_short", call_line);
}
}  // namespace ckernel
