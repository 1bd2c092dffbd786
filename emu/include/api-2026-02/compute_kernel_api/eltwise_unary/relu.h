// SFPU relu (profile 2026-02).
#pragma once

#include "compute_kernel_api/common.h"
#include "tilesplit_emu/compute/sfpu/relu.h"
