// Fills 1 KiB of this core's L1 at `scratch`, multicasts it to the same address of every core of
// the rectangle (x_start, y_start)-(x_end, y_end) (NOC coordinates, in the order the host gives),
// then sets their semaphore `sem_id` to VALID with a multicast after it. Runtime args:
// {x_start, y_start, x_end, y_end, num_dests, sem_id, scratch}.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"
#include "hostdevcommon/common_values.hpp"

void kernel_main() {
  const uint32_t x_start = get_arg_val<uint32_t>(0);
  const uint32_t y_start = get_arg_val<uint32_t>(1);
  const uint32_t x_end = get_arg_val<uint32_t>(2);
  const uint32_t y_end = get_arg_val<uint32_t>(3);
  const uint32_t num_dests = get_arg_val<uint32_t>(4);
  const uint32_t sem = get_semaphore(get_arg_val<uint32_t>(5));
  const uint32_t scratch = get_arg_val<uint32_t>(6);
  volatile tt_l1_ptr uint32_t* data = reinterpret_cast<volatile tt_l1_ptr uint32_t*>(scratch);
  for (uint32_t i = 0; i < 256; ++i) data[i] = 0x5EED0000u + i;
  const uint64_t dst = get_noc_multicast_addr(x_start, y_start, x_end, y_end, scratch);
  noc_async_write_multicast(scratch, dst, 1024, num_dests);  // MCAST
  volatile tt_l1_ptr uint32_t* sem_ptr = reinterpret_cast<volatile tt_l1_ptr uint32_t*>(sem);
  *sem_ptr = VALID;
  noc_semaphore_set_multicast(sem, get_noc_multicast_addr(x_start, y_start, x_end, y_end, sem), num_dests);
  noc_async_write_barrier();
}
