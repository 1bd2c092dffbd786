// SFPU unary op 'log' (shared by both profiles' headers).
#pragma once

#include "tilesplit_emu/compute/sfpu_unary.h"

TILESPLIT_EMU_SFPU_UNARY_EXACT_ONLY(log, "fast_and_approx")
