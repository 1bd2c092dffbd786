// SFPU unary op 'gelu_tanh' (shared by both profiles' headers).
#pragma once

#include "tilesplit_emu/compute/sfpu_unary.h"

TILESPLIT_EMU_SFPU_UNARY(gelu_tanh)
