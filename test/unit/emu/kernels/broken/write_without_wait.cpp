// BROKEN on purpose: writes out CB pages it never waited for.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {
  const uint32_t dst_addr = get_arg_val<uint32_t>(0);
  const uint32_t start = get_arg_val<uint32_t>(1);
  const uint32_t n = get_arg_val<uint32_t>(2);
  constexpr uint32_t cb = tt::CBIndex::c_0;
  constexpr auto dst_args = TensorAccessorArgs<0>();
  const auto dst = TensorAccessor(dst_args, dst_addr, get_tile_size(cb));
  for (uint32_t i = start; i < start + n; ++i) {
    noc_async_write_page(i, dst, get_read_ptr(cb));  // BUG: no cb_wait_front
    noc_async_write_barrier();
    cb_wait_front(cb, 1);
    cb_pop_front(cb, 1);
  }
}
