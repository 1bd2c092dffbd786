// FPU eltwise binary ops (profile 2026-02): binary_op_init_common(in0, in1, out) once (a full start-up
// that configures no op), then add_tiles_init / sub_tiles_init / mul_tiles_init before the op.
#pragma once

#include "compute_kernel_api/common.h"
#include "tilesplit_emu/compute/binary.h"

namespace ckernel {
ALWI void binary_op_init_common(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t ocb,
                                std::uint32_t call_line = __builtin_LINE()) {
  (void)icb0;
  (void)icb1;
  (void)ocb;
  tilesplit_emu_init::startup("binary_op_init_common", call_line);
}
ALWI void add_tiles_init(std::uint32_t icb0, std::uint32_t icb1, bool acc_to_dest = false,
                         std::uint32_t call_line = __builtin_LINE()) {
  (void)acc_to_dest;
  tilesplit_emu_init::binary(FpuOp::add, icb0, icb1, "add_tiles_init", call_line);
}
ALWI void sub_tiles_init(std::uint32_t icb0, std::uint32_t icb1, bool acc_to_dest = false,
                         std::uint32_t call_line = __builtin_LINE()) {
  (void)acc_to_dest;
  tilesplit_emu_init::binary(FpuOp::sub, icb0, icb1, "sub_tiles_init", call_line);
}
ALWI void mul_tiles_init(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t call_line = __builtin_LINE()) {
  tilesplit_emu_init::binary(FpuOp::mul, icb0, icb1, "mul_tiles_init", call_line);
}
}  // namespace ckernel
