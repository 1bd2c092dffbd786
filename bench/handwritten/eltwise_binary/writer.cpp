// Writer: each result tile from c_16 to DRAM, a write barrier before its page is freed.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {
  const uint32_t dst_addr = get_arg_val<uint32_t>(0);
  const uint32_t n_tiles = get_arg_val<uint32_t>(1);

  constexpr uint32_t cb_out = tt::CBIndex::c_16;
  constexpr auto out_args = TensorAccessorArgs<0>();
  const auto out = TensorAccessor(out_args, dst_addr, get_tile_size(cb_out));

  for (uint32_t i = 0; i < n_tiles; ++i) {
    cb_wait_front(cb_out, 1);
    noc_async_write_page(i, out, get_read_ptr(cb_out));
    noc_async_write_barrier();
    cb_pop_front(cb_out, 1);
  }
}
