// pack_tile (profile 2026-08).
#pragma once

#include "tilesplit_emu/compute/pack.h"
