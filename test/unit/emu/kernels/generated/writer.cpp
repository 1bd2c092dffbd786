// Copied unchanged from docs/generated-code.md: the emulator must compile what the translator emits.
// Writer for kernel 'eltwise' (examples/eltwise.cpp): circular buffers into DRAM tiles.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {
  const uint32_t out_addr = get_arg_val<uint32_t>(0);
  const uint32_t unit_begin = get_arg_val<uint32_t>(1);
  const uint32_t unit_count = get_arg_val<uint32_t>(2);

  constexpr uint32_t cb_out = tt::CBIndex::c_16;

  constexpr auto out_args = TensorAccessorArgs<0>();
  const auto out = TensorAccessor(out_args, out_addr, get_tile_size(cb_out));

  for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
    // examples/eltwise.cpp:10: out.tile(i) = ...
    cb_wait_front(cb_out, 1);
    noc_async_write_page(i, out, get_read_ptr(cb_out));
    noc_async_write_barrier();
    cb_pop_front(cb_out, 1);
  }
}
