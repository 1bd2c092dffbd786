// BROKEN on purpose: the read lands in CB pages before they are reserved.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {
  const uint32_t src_addr = get_arg_val<uint32_t>(0);
  const uint32_t start = get_arg_val<uint32_t>(1);
  const uint32_t n = get_arg_val<uint32_t>(2);
  constexpr uint32_t cb = tt::CBIndex::c_0;
  constexpr auto src_args = TensorAccessorArgs<0>();
  const auto src = TensorAccessor(src_args, src_addr, get_tile_size(cb));
  for (uint32_t i = start; i < start + n; ++i) {
    noc_async_read_page(i, src, get_write_ptr(cb));  // BUG: no cb_reserve_back() before it
    noc_async_read_barrier();
    cb_reserve_back(cb, 1);
    cb_push_back(cb, 1);
  }
}
