// The full hardware start-up, shared by the profiles' spellings of it.
#pragma once

#include "tilesplit_emu/compute/base.h"

namespace ckernel::tilesplit_emu_init {
ALWI void startup(const char* api, std::uint32_t line) { tilesplit::emu::dev::hw_startup(api, line); }
}  // namespace ckernel::tilesplit_emu_init
