// BROKEN on purpose: pushes a page it never reserved (and so never filled: a read into it would
// already be an error of its own, see read_without_reserve.cpp).
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {
  const uint32_t start = get_arg_val<uint32_t>(1);
  const uint32_t n = get_arg_val<uint32_t>(2);
  constexpr uint32_t cb = tt::CBIndex::c_0;
  for (uint32_t i = start; i < start + n; ++i) {
    cb_push_back(cb, 1);  // BUG: no cb_reserve_back
  }
}
