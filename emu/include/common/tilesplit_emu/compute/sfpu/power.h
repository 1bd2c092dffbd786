// SFPU power_tile(idst, exponent float bits), shared by both profiles.
#pragma once

#include "tilesplit_emu/compute/sfpu_unary.h"

TILESPLIT_EMU_SFPU_UNARY_PARAM(power)
