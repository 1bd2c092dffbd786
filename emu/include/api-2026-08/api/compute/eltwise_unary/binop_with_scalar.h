// SFPU binop_with_scalar (profile 2026-08).
#pragma once

#include "api/compute/common.h"
#include "tilesplit_emu/compute/sfpu/binop_with_scalar.h"
