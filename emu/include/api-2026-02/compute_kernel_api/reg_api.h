// DST register protocol (profile 2026-02).
#pragma once

#include "tilesplit_emu/compute/regs.h"
