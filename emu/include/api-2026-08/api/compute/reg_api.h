// DST register protocol (profile 2026-08).
#pragma once

#include "tilesplit_emu/compute/regs.h"
