// Copied unchanged from docs/generated-code.md: the emulator must compile what the translator emits.
// Reader for kernel 'eltwise' (examples/eltwise.cpp): DRAM tiles into circular buffers.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {
  const uint32_t a_addr = get_arg_val<uint32_t>(0);
  const uint32_t b_addr = get_arg_val<uint32_t>(1);
  const uint32_t unit_begin = get_arg_val<uint32_t>(2);
  const uint32_t unit_count = get_arg_val<uint32_t>(3);

  constexpr uint32_t cb_a = tt::CBIndex::c_0;
  constexpr uint32_t cb_b = tt::CBIndex::c_1;

  constexpr auto a_args = TensorAccessorArgs<0>();
  const auto a = TensorAccessor(a_args, a_addr, get_tile_size(cb_a));
  constexpr auto b_args = TensorAccessorArgs<a_args.next_compile_time_args_offset()>();
  const auto b = TensorAccessor(b_args, b_addr, get_tile_size(cb_b));

  // examples/eltwise.cpp:9: for (uint32_t i = 0; i < out.num_tiles(); ++i)
  for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
    // examples/eltwise.cpp:10: a.tile(i), b.tile(i)
    cb_reserve_back(cb_a, 1);
    cb_reserve_back(cb_b, 1);
    noc_async_read_page(i, a, get_write_ptr(cb_a));
    noc_async_read_page(i, b, get_write_ptr(cb_b));
    noc_async_read_barrier();
    cb_push_back(cb_a, 1);
    cb_push_back(cb_b, 1);
  }
}
