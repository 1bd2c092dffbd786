// pack_tile (profile 2026-02).
#pragma once

#include "tilesplit_emu/compute/pack.h"
