// Reduce (profile 2026-02): a full start-up first, then reduce_init<pool, dim>.
#pragma once

#include "compute_kernel_api/common.h"
#include "tilesplit_emu/compute/reduce.h"
