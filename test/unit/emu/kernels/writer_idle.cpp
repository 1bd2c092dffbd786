// Writer that consumes nothing (for broken kernels that need the output CB to stay full).
// Runtime args: {dst_addr, start, n}, unused.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {}
