// Turning a Program into a Run on a device: CB layout per core, runtime args in L1, kernel JIT,
// threads; then the stats.
#pragma once

#include <string>
#include <vector>

#include <tt-metalium/program.hpp>

#include "device_state.hpp"

namespace tilesplit::emu {

// Runs the program to completion. Returns the run's error messages (empty on success). Host-side
// configuration errors and kernel compile errors are thrown as std::runtime_error.
std::vector<std::string> run_program(DeviceState& device, const tt::tt_metal::Program& program);

}  // namespace tilesplit::emu
