// DST register protocol (reg_api.h): acquire -> math -> commit -> wait -> pack -> release.
#pragma once

#include "tilesplit_emu/compute/base.h"

namespace ckernel {
ALWI void tile_regs_acquire(std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::tile_regs(tilesplit::emu::dev::RegCall::acquire, line);
}
ALWI void tile_regs_commit(std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::tile_regs(tilesplit::emu::dev::RegCall::commit, line);
}
ALWI void tile_regs_wait(std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::tile_regs(tilesplit::emu::dev::RegCall::wait, line);
}
ALWI void tile_regs_release(std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::tile_regs(tilesplit::emu::dev::RegCall::release, line);
}
[[deprecated("Use tile_regs_acquire() instead")]] ALWI void acquire_dst(std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::tile_regs(tilesplit::emu::dev::RegCall::acquire_dst, line);
}
[[deprecated("Use tile_regs_release() instead")]] ALWI void release_dst(std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::tile_regs(tilesplit::emu::dev::RegCall::release_dst, line);
}
}  // namespace ckernel
