// Reduce (profile 2026-08): compute_kernel_hw_startup first, then reduce_init<pool, dim>.
#pragma once

#include "api/compute/common.h"
#include "tilesplit_emu/compute/reduce.h"
