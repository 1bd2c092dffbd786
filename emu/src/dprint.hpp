// DPRINT output (api/debug/dprint.h), as tt-metal's host print server shows it. Printing is on when
// TT_METAL_DPRINT_CORES is set, as in tt-metal, whose JIT then builds kernels with
// DEBUG_PRINT_ENABLED; otherwise DPRINT statements type-check and do nothing.
#pragma once

namespace tilesplit::emu {

// Whether kernels are built with DPRINT on (TT_METAL_DPRINT_CORES is set).
bool dprint_enabled();

}  // namespace tilesplit::emu
