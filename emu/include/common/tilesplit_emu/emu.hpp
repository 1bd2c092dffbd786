// Emulator controls for host code: the API profile, and where kernels are compiled.
#pragma once

#include <string>

namespace tilesplit::emu {

enum class ApiProfile { v2026_02, v2026_08 };

// The compute API profile kernels are compiled against, and the layout of TensorAccessorArgs.
// Default: $TILESPLIT_EMU_API ("2026-08" or "2026-02"), else 2026-08. Set it before opening a device.
ApiProfile api_profile();
void set_api_profile(ApiProfile profile);
const char* api_profile_name(ApiProfile profile);
// Parses "2026-08"/"2026-02"; throws std::invalid_argument otherwise.
ApiProfile parse_api_profile(const std::string& name);

}  // namespace tilesplit::emu
