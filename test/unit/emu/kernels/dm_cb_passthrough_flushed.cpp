// dm_cb_passthrough with tt-metal's lighter per-page wait: noc_async_writes_flushed() before each
// pop (the page may be reused once the write has left L1), one write barrier at the end.
// Runtime args: {dst_addr, start, n}.
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
    cb_wait_front(cb, 1);
    noc_async_write_page(i, dst, get_read_ptr(cb));
    noc_async_writes_flushed();
    cb_pop_front(cb, 1);
  }
  noc_async_write_barrier();
}
