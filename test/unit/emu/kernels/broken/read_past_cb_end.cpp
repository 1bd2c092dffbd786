// BROKEN on purpose: one page, then two at once into a two-page CB. The second reservation starts
// at page 1 and wraps around the CB's end, but the reads address it from get_write_ptr as one run.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {
  const uint32_t src_addr = get_arg_val<uint32_t>(0);
  const uint32_t start = get_arg_val<uint32_t>(1);
  constexpr uint32_t cb = tt::CBIndex::c_0;
  constexpr auto src_args = TensorAccessorArgs<0>();
  const auto src = TensorAccessor(src_args, src_addr, get_tile_size(cb));
  cb_reserve_back(cb, 1);
  noc_async_read_page(start, src, get_write_ptr(cb));
  noc_async_read_barrier();
  cb_push_back(cb, 1);
  cb_reserve_back(cb, 2);
  for (uint32_t i = 0; i < 2; ++i)
    noc_async_read_page(start + 1 + i, src, get_write_ptr(cb) + i * get_tile_size(cb));  // BUG
  noc_async_read_barrier();
  cb_push_back(cb, 2);
}
