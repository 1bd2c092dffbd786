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
}  // namespace tilesplit_emu_init
}  // namespace ckernel
