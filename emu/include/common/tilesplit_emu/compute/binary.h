// FPU eltwise binary ops (eltwise_binary.h): DST[idst] = A op B. Inits are profile-specific.
#pragma once

#include "tilesplit_emu/compute/base.h"

namespace ckernel {
ALWI void add_tiles(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0, std::uint32_t itile1,
                    std::uint32_t idst, std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::fpu_tile(FpuOp::add, 0, icb0, icb1, itile0, itile1, idst, "add_tiles", line);
}
ALWI void sub_tiles(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0, std::uint32_t itile1,
                    std::uint32_t idst, std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::fpu_tile(FpuOp::sub, 0, icb0, icb1, itile0, itile1, idst, "sub_tiles", line);
}
ALWI void mul_tiles(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0, std::uint32_t itile1,
                    std::uint32_t idst, std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::fpu_tile(FpuOp::mul, 0, icb0, icb1, itile0, itile1, idst, "mul_tiles", line);
}
namespace tilesplit_emu_init {
ALWI void binary(FpuOp op, std::uint32_t icb0, std::uint32_t icb1, const char* api, std::uint32_t line) {
  tilesplit::emu::dev::fpu_init(op, 0, icb0, icb1, 0, api, line);
}
ALWI void reuse_dest(EltwiseBinaryType op, EltwiseBinaryReuseDestType reuse, std::uint32_t icb, const char* api,
                     std::uint32_t line) {
  tilesplit::emu::dev::fpu_init(FpuOp::reuse_dest, static_cast<std::uint32_t>(op) * 4 + static_cast<std::uint32_t>(reuse),
                                icb, 0, 0, api, line);
}
ALWI void reuse_dest_tiles(EltwiseBinaryType op, EltwiseBinaryReuseDestType reuse, std::uint32_t in_cb,
                           std::uint32_t in_tile, std::uint32_t idst, const char* api, std::uint32_t line) {
  tilesplit::emu::dev::fpu_tile(FpuOp::reuse_dest, static_cast<std::uint32_t>(op) * 4 + static_cast<std::uint32_t>(reuse),
                                in_cb, 0, in_tile, 0, idst, api, line);
}
}  // namespace tilesplit_emu_init

// Dest reuse: DST[idst] = DST[idst] op in (DEST_TO_SRCA) or in op DST[idst] (DEST_TO_SRCB). The
// early-2026 names; 2026-08 keeps them as deprecated shims of <op>_reuse_dest_init/_tiles.
template <EltwiseBinaryType eltwise_binary_type = ELWADD, EltwiseBinaryReuseDestType binary_reuse_dest = DEST_TO_SRCA>
ALWI void binary_dest_reuse_tiles_init(std::uint32_t icb0, std::uint32_t call_line = __builtin_LINE()) {
  tilesplit_emu_init::reuse_dest(eltwise_binary_type, binary_reuse_dest, icb0, "binary_dest_reuse_tiles_init", call_line);
}
template <EltwiseBinaryType eltwise_binary_type = ELWADD, EltwiseBinaryReuseDestType binary_reuse_dest = DEST_TO_SRCA>
ALWI void binary_dest_reuse_tiles(std::uint32_t in_cb_id, std::uint32_t in_tile_index, std::uint32_t dst_tile_index,
                                  std::uint32_t line = __builtin_LINE()) {
  tilesplit_emu_init::reuse_dest_tiles(eltwise_binary_type, binary_reuse_dest, in_cb_id, in_tile_index, dst_tile_index,
                                       "binary_dest_reuse_tiles", line);
}
}  // namespace ckernel
