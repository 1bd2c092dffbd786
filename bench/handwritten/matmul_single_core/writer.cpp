// Writer: output tile (m, n) from c_16 to page m * Nt + n, a write barrier before the pop.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {
  const uint32_t c_addr = get_arg_val<uint32_t>(0);
  const uint32_t Mt = get_arg_val<uint32_t>(1);
  const uint32_t Nt = get_arg_val<uint32_t>(2);

  constexpr uint32_t cb_out = tt::CBIndex::c_16;
  constexpr auto c_args = TensorAccessorArgs<0>();
  const auto c = TensorAccessor(c_args, c_addr, get_tile_size(cb_out));

  for (uint32_t m = 0; m < Mt; ++m) {
    for (uint32_t n = 0; n < Nt; ++n) {
      cb_wait_front(cb_out, 1);
      noc_async_write_page(m * Nt + n, c, get_read_ptr(cb_out));
      noc_async_write_barrier();
      cb_pop_front(cb_out, 1);
    }
  }
}
