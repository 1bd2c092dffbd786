// SFPU unary op 'sigmoid' (shared by both profiles' headers).
#pragma once

#include "tilesplit_emu/compute/sfpu_unary.h"

TILESPLIT_EMU_SFPU_UNARY_EXACT_ONLY(sigmoid, "fast_and_approx")
