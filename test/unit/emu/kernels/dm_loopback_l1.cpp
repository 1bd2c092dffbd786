// tt-metal's loopback example: DRAM -> L1 buffer -> DRAM, one tile at a time, with the legacy
// noc_async_read_tile/write_tile calls. Runtime args: {l1_addr, src_addr, dst_addr, n}.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {
  const uint32_t l1_addr = get_arg_val<uint32_t>(0);
  const uint32_t src_addr = get_arg_val<uint32_t>(1);
  const uint32_t dst_addr = get_arg_val<uint32_t>(2);
  const uint32_t n = get_arg_val<uint32_t>(3);
  constexpr auto in_args = TensorAccessorArgs<0>();
  const auto in = TensorAccessor(in_args, src_addr, 2048);
  constexpr auto out_args = TensorAccessorArgs<in_args.next_compile_time_args_offset()>();
  const auto out = TensorAccessor(out_args, dst_addr, 2048);
  for (uint32_t i = 0; i < n; ++i) {
    noc_async_read_tile(i, in, l1_addr);
    noc_async_read_barrier();
    noc_async_write_tile(i, out, l1_addr);
    noc_async_write_barrier();
  }
}
