// Compute kernel API, profile 2026-02 (early-2026 tt-metal): headers under compute_kernel_api/.
// Full start-ups are compute_kernel_hw_startup (no template), binary_op_init_common, init_sfpu,
// mm_init, init_bcast, transpose_wh_init; op inits are add_tiles_init, copy_tile_init, mm_init_short,
// ... The 2026-08 names (add_init, copy_init, matmul_init, ...) do not exist here.
#pragma once

#define TILESPLIT_EMU_COMPUTE_TREE_2026_02 1

#include "compute_kernel_api/cb_api.h"
#include "compute_kernel_api/compute_kernel_hw_startup.h"
#include "compute_kernel_api/pack.h"
#include "compute_kernel_api/reg_api.h"
#include "tilesplit_emu/compute/base.h"
