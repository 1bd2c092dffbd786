// Reader: for each of this core's output tiles (row = id / Nt, col = id % Nt), for each k,
// A(row, k) into c_0 and B(k, col) into c_1, one tile at a time, each with its own read barrier.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {
  const uint32_t a_addr = get_arg_val<uint32_t>(0);
  const uint32_t b_addr = get_arg_val<uint32_t>(1);
  const uint32_t Mt = get_arg_val<uint32_t>(2);
  const uint32_t Kt = get_arg_val<uint32_t>(3);
  const uint32_t Nt = get_arg_val<uint32_t>(4);
  const uint32_t start_tile = get_arg_val<uint32_t>(5);
  const uint32_t n_tiles = get_arg_val<uint32_t>(6);
  (void)Mt;

  constexpr uint32_t cb_a = tt::CBIndex::c_0;
  constexpr uint32_t cb_b = tt::CBIndex::c_1;
  constexpr auto a_args = TensorAccessorArgs<0>();
  constexpr auto b_args = TensorAccessorArgs<a_args.next_compile_time_args_offset()>();
  const auto a = TensorAccessor(a_args, a_addr, get_tile_size(cb_a));
  const auto b = TensorAccessor(b_args, b_addr, get_tile_size(cb_b));

  for (uint32_t id = start_tile; id < start_tile + n_tiles; ++id) {
    const uint32_t row = id / Nt;
    const uint32_t col = id % Nt;
    for (uint32_t k = 0; k < Kt; ++k) {
      cb_reserve_back(cb_a, 1);
      noc_async_read_page(row * Kt + k, a, get_write_ptr(cb_a));
      noc_async_read_barrier();
      cb_push_back(cb_a, 1);

      cb_reserve_back(cb_b, 1);
      noc_async_read_page(k * Nt + col, b, get_write_ptr(cb_b));
      noc_async_read_barrier();
      cb_push_back(cb_b, 1);
    }
  }
}
