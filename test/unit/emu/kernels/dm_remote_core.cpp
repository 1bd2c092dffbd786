// Writes a word into another core's L1 through get_noc_addr(x, y, addr), reads it back into this
// core's L1, and stores it to page 0 of a DRAM buffer (bank 0). Runtime args:
// {noc_x, noc_y, scratch_l1_addr, out_addr}.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"

void kernel_main() {
  const uint32_t x = get_arg_val<uint32_t>(0);
  const uint32_t y = get_arg_val<uint32_t>(1);
  const uint32_t scratch = get_arg_val<uint32_t>(2);
  const uint32_t out_addr = get_arg_val<uint32_t>(3);
  volatile uint32_t* p = tilesplit_emu::l1_ptr<uint32_t>(scratch, 2);
  p[0] = 0xC0FFEE;
  p[1] = 0;
  noc_async_write(scratch, get_noc_addr(x, y, scratch + 64), 4);
  noc_async_write_barrier();
  noc_async_read(get_noc_addr(x, y, scratch + 64), scratch + 4, 4);
  noc_async_read_barrier();
  noc_async_write(scratch + 4, get_noc_addr_from_bank_id<true>(0, out_addr), 4);
  noc_async_write_barrier();
}
