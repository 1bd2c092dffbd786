// tt::DataFormat and tile sizes (tt-metal: tt-metalium/tt_backend_api_types.hpp).
#pragma once

#include "tilesplit_emu/data_format.h"
