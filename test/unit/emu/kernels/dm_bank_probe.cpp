// Reads page i of an interleaved DRAM buffer straight from its bank (bank i % NUM_DRAM_BANKS, offset
// base + (i / NUM_DRAM_BANKS) * page size) into L1 scratch, then writes it to page i of the output
// through a TensorAccessor. Runtime args: {src_addr, dst_addr, scratch_l1_addr, n, page_size}.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {
  const uint32_t src_addr = get_arg_val<uint32_t>(0);
  const uint32_t dst_addr = get_arg_val<uint32_t>(1);
  const uint32_t scratch = get_arg_val<uint32_t>(2);
  const uint32_t n = get_arg_val<uint32_t>(3);
  const uint32_t page_size = get_arg_val<uint32_t>(4);
  constexpr auto dst_args = TensorAccessorArgs<0>();
  const auto dst = TensorAccessor(dst_args, dst_addr, page_size);
  for (uint32_t i = 0; i < n; ++i) {
    const uint64_t src = get_noc_addr_from_bank_id<true>(i % NUM_DRAM_BANKS, src_addr + (i / NUM_DRAM_BANKS) * page_size);
    noc_async_read(src, scratch, page_size);
    noc_async_read_barrier();
    noc_async_write_page(i, dst, scratch);
    noc_async_write_barrier();
  }
}
