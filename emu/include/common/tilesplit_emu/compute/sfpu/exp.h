// SFPU unary op 'exp' (shared by both profiles' headers).
#pragma once

#include "tilesplit_emu/compute/sfpu_unary.h"

TILESPLIT_EMU_SFPU_UNARY_EXACT_ONLY(exp, "approx")
