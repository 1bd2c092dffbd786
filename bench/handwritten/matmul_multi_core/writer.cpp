// Writer: tiles start_tile .. start_tile + n_tiles - 1 from c_16 to DRAM. Each page is freed once
// its write has left L1 (noc_async_writes_flushed); the acknowledgements are awaited once, at
// the end (noc_async_write_barrier), instead of after every tile.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {
  const uint32_t c_addr = get_arg_val<uint32_t>(0);
  const uint32_t n_tiles = get_arg_val<uint32_t>(1);
  const uint32_t start_tile = get_arg_val<uint32_t>(2);

  constexpr uint32_t cb_out = tt::CBIndex::c_16;
  constexpr auto c_args = TensorAccessorArgs<0>();
  const auto c = TensorAccessor(c_args, c_addr, get_tile_size(cb_out));

  for (uint32_t id = start_tile; id < start_tile + n_tiles; ++id) {
    cb_wait_front(cb_out, 1);
    noc_async_write_page(id, c, get_read_ptr(cb_out));
    noc_async_writes_flushed();
    cb_pop_front(cb_out, 1);
  }
  noc_async_write_barrier();
}
