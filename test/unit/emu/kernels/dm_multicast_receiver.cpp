// Waits for semaphore `sem_id` to be VALID, then writes the 1 KiB at `scratch` to page `page` of a
// DRAM buffer of 1 KiB pages. Runtime args: {sem_id, scratch, out_addr, page}.
#include <cstdint>

#include "api/dataflow/dataflow_api.h"
#include "hostdevcommon/common_values.hpp"

void kernel_main() {
  const uint32_t sem = get_semaphore(get_arg_val<uint32_t>(0));
  const uint32_t scratch = get_arg_val<uint32_t>(1);
  const uint32_t out_addr = get_arg_val<uint32_t>(2);
  const uint32_t page = get_arg_val<uint32_t>(3);
  noc_semaphore_wait(reinterpret_cast<volatile tt_l1_ptr uint32_t*>(sem), VALID);
  const InterleavedAddrGen<true> out{out_addr, 1024};
  noc_async_write(scratch, out.get_noc_addr(page), 1024);
  noc_async_write_barrier();
}
