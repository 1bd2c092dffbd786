// Data-format reconfiguration (no-ops on the emulator; profile 2026-08).
#pragma once

#include "tilesplit_emu/compute/base.h"
