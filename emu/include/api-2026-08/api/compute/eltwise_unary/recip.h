// SFPU recip (profile 2026-08).
#pragma once

#include "api/compute/common.h"
#include "tilesplit_emu/compute/sfpu/recip.h"
