// Everything the device glue includes before the generated host programs: the
// emulated host API headers a generated host.cpp includes (the same for both API
// profiles), the standard headers, and the device session. Precompiled once when
// tilesplit-run is built (CMakeLists.txt), so that each run's build of the device
// glue parses only its host programs. Only headers whose meaning does not depend
// on macros the glue defines belong here.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <tt-metalium/bfloat16.hpp>
#include <tt-metalium/distributed.hpp>
#include <tt-metalium/host_api.hpp>
#include <tt-metalium/mesh_buffer.hpp>
#include <tt-metalium/mesh_device.hpp>
#include <tt-metalium/tensor_accessor_args.hpp>
#include <tt-metalium/work_split.hpp>

#include "device_session.hpp"
