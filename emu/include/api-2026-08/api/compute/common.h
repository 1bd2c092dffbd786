// Compute kernel API, profile 2026-08 (tt-metal main from Aug 2026): headers under api/compute/.
// Full start-up is compute_kernel_hw_startup(); op inits are add_init/sub_init/mul_init, copy_init,
// matmul_init, transpose_init, bcast_init. The early-2026 init names do not exist here.
#pragma once

#define TILESPLIT_EMU_COMPUTE_TREE_2026_08 1

#include "api/compute/cb_api.h"
#include "api/compute/compute_kernel_hw_startup.h"
#include "api/compute/pack.h"
#include "api/compute/reg_api.h"
#include "tilesplit_emu/compute/base.h"
