// Device API: runtime args, circular buffers and unicast NOC transfers (the calls of dataflow_api.h;
// the CB calls are also used by compute kernels). The NOC model is described in noc.hpp.
#include <algorithm>
#include <cstring>
#include <string>

#include "noc.hpp"
#include "tilesplit_emu/noc_addr.h"

namespace tilesplit::emu::dev {

KernelThread& enter() {
  KernelThread& t = current_thread();
  t.run->check_abort();
  return t;
}

std::string hex(std::uint64_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

namespace {

CbState& checked_cb(KernelThread& t, std::uint32_t cb, const char* api, std::uint32_t line) {
  const std::uint32_t num_cbs = t.run->device.arch().num_cbs;
  if (cb >= num_cbs) {
    t.run->fail(t, line, std::string(api) + ": CB index " + std::to_string(cb) + " out of range (this arch has " +
                             std::to_string(num_cbs) + " CBs)");
  }
  CbState& c = t.core->cbs[cb];
  if (!c.configured) {
    t.run->fail(t, line, "cb " + cb_name(cb) + ": " + api + " on a circular buffer that is not configured on this core");
  }
  return c;
}

bool overlaps(std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1) { return a0 < b1 && b0 < a1; }

// Does the L1 range [addr, addr+size) overlap pages [first, first+n) of the CB's ring, starting at
// ring page `start`?
bool overlaps_pages(const CbState& c, std::uint32_t start, std::uint32_t n, std::uint32_t addr, std::uint32_t size) {
  for (std::uint32_t i = 0; i < n && i < c.num_pages; ++i) {
    const std::uint32_t p = c.base + ((start + i) % c.num_pages) * c.page_size;
    if (overlaps(p, p + c.page_size, addr, addr + size)) return true;
  }
  return false;
}

}  // namespace

// Host pointer for a NOC address, checked against the memory it names; `space` receives the
// memory it lies in.
std::uint8_t* resolve_noc(KernelThread& t, std::uint64_t addr, std::uint32_t size, const char* api, std::uint32_t line,
                          MemorySpace* space) {
  DeviceState& dev = t.run->device;
  const std::uint32_t off = noc_addr_offset(addr);
  if (noc_addr_is_multicast(addr)) {
    t.run->fail(t, line, std::string(api) + ": a multicast address (from get_noc_multicast_addr) where a unicast one is "
                                            "needed (use noc_async_write_multicast / noc_semaphore_set_multicast)");
  }
  if (noc_addr_is_dram(addr)) {
    const std::uint32_t bank = noc_addr_x(addr);
    if (bank >= dev.arch().num_dram_banks) {
      t.run->fail(t, line, std::string(api) + ": DRAM bank " + std::to_string(bank) + " does not exist (" +
                               std::to_string(dev.arch().num_dram_banks) + " banks)");
    }
    if (off < kDramAllocBase || std::uint64_t{off} + size > dev.dram_top()) {
      t.run->fail(t, line, std::string(api) + ": DRAM bank " + std::to_string(bank) + " address " + hex(off) + " + " +
                               std::to_string(size) + " bytes is outside the allocated buffers (is the buffer address right?)");
    }
    if (space != nullptr) *space = MemorySpace{true, bank};
    return dev.dram_bank(bank) + off;
  }
  const std::uint32_t nx = noc_addr_x(addr), ny = noc_addr_y(addr);
  std::uint8_t* l1 = nullptr;
  if (nx >= kWorkerNocOffset && ny >= kWorkerNocOffset) l1 = dev.l1(nx - kWorkerNocOffset, ny - kWorkerNocOffset);
  if (l1 == nullptr) {
    t.run->fail(t, line, std::string(api) + ": no worker core at NOC (" + std::to_string(nx) + "," +
                             std::to_string(ny) + ") (NOC coordinates are logical + (18,18); use get_noc_addr(x, y, addr) "
                             "with the host's worker_core_from_logical_core)");
  }
  if (std::uint64_t{off} + size > dev.arch().l1_size) {
    t.run->fail(t, line, std::string(api) + ": L1 address " + hex(off) + " + " + std::to_string(size) +
                             " bytes is past the end of L1 (" + std::to_string(dev.arch().l1_size) + " bytes)");
  }
  if (space != nullptr) *space = MemorySpace{false, (ny - kWorkerNocOffset) * dev.arch().grid_x + (nx - kWorkerNocOffset)};
  return l1 + off;
}

void check_local_l1(KernelThread& t, std::uint32_t addr, std::uint32_t size, const char* api, std::uint32_t line) {
  if (std::uint64_t{addr} + size > t.run->device.arch().l1_size) {
    t.run->fail(t, line, std::string(api) + ": L1 address " + hex(addr) + " + " + std::to_string(size) +
                             " bytes is past the end of L1");
  }
}

namespace {
MemorySpace own_l1(const KernelThread& t) { return MemorySpace{false, t.core->grid_index}; }

// The CB protocol's happens-before edges (race.hpp): a push or pop stamps the pages it hands over
// with the caller's clock; a wait or reserve takes the clocks of the pages it gets. Run::mu held.
void stamp_pages(KernelThread& t, CbState& c, std::uint32_t first, std::uint32_t n) {
  const VectorClock released = t.run->races.release(t);
  for (std::uint32_t i = 0; i < n && i < c.num_pages; ++i) c.page_clocks[(first + i) % c.num_pages] = released;
}
void take_pages(KernelThread& t, const CbState& c, std::uint32_t first, std::uint32_t n) {
  for (std::uint32_t i = 0; i < n && i < c.num_pages; ++i) t.run->races.acquire(t, c.page_clocks[(first + i) % c.num_pages]);
}
}  // namespace

void track_local_l1(KernelThread& t, std::uint32_t addr, std::uint32_t size, bool write, const char* api,
                    std::uint32_t line) {
  RaceDetector& r = t.run->races;
  r.complete(t, write ? r.write(t, own_l1(t), addr, size, api, line) : r.read(t, own_l1(t), addr, size, api, line));
}

// ---- runtime args ----------------------------------------------------------------------------------

std::uint32_t arg_addr(std::uint32_t idx, bool common, std::uint32_t line) {
  KernelThread& t = enter();
  const char* api = common ? "get_common_arg_val" : "get_arg_val";
  if (common) {
    if (idx >= t.num_common) {
      t.run->fail(t, line, std::string(api) + "(" + std::to_string(idx) + "): only " + std::to_string(t.num_common) +
                               " common runtime arg(s) set (SetCommonRuntimeArgs)");
    }
    return t.common_addr + 4 * idx;
  }
  if (!t.args_set) {
    t.run->fail(t, line, std::string(api) + "(" + std::to_string(idx) +
                             "): no runtime args were set for this kernel on this core (call SetRuntimeArgs for every "
                             "core the kernel is placed on)");
  }
  if (idx >= t.num_args) {
    t.run->fail(t, line, std::string(api) + "(" + std::to_string(idx) + "): only " + std::to_string(t.num_args) +
                             " runtime arg(s) set on this core");
  }
  return t.args_addr + 4 * idx;
}

const std::uint32_t* arg_ptr(std::uint32_t idx, bool common, std::uint32_t line) {
  KernelThread& t = current_thread();
  return reinterpret_cast<const std::uint32_t*>(t.core->l1 + arg_addr(idx, common, line));
}

// ---- circular buffers --------------------------------------------------------------------------------

void cb_reserve_back(std::uint32_t cb, std::uint32_t pages, std::uint32_t line) {
  KernelThread& t = enter();
  CbState& c = checked_cb(t, cb, "cb_reserve_back", line);
  ++t.counters.cb_reserves;
  if (pages > c.num_pages) {
    t.run->fail(t, line, "cb " + cb_name(cb) + ": cb_reserve_back of " + std::to_string(pages) +
                             " page(s) exceeds the CB's capacity of " + std::to_string(c.num_pages) + " page(s)");
  }
  std::unique_lock<std::mutex> lock(t.run->mu);
  t.run->block(t, c, WaitKind::reserve, pages, line, lock);
  take_pages(t, c, c.wr_page, pages);
  c.reserved = std::max(c.reserved, pages);
  c.producer = &t;
}

void cb_push_back(std::uint32_t cb, std::uint32_t pages, std::uint32_t line) {
  KernelThread& t = enter();
  CbState& c = checked_cb(t, cb, "cb_push_back", line);
  ++t.counters.cb_pushes;
  std::unique_lock<std::mutex> lock(t.run->mu);
  std::uint32_t in_flight = 0;
  for (const PendingRead& r : t.reads) {
    if (overlaps_pages(c, c.wr_page, pages, r.dst, r.size)) ++in_flight;
  }
  if (in_flight > 0) {
    t.run->fail_locked(t, line, "cb " + cb_name(cb) + ": cb_push_back with " + std::to_string(in_flight) +
                                    " NOC read(s) into it not yet completed (missing noc_async_read_barrier?)");
  }
  if (t.compute) {
    // The packer's push (llk_push_tiles) does not look at reservations: pushing pages that are free
    // is what silicon does (tt-metal's add_2_integers_in_compute packs and pushes without reserving).
    // Pushing pages the consumer still holds would hand it overwritten data.
    if (pages > c.free_pages()) {
      t.run->fail_locked(t, line, "cb " + cb_name(cb) + ": cb_push_back of " + std::to_string(pages) +
                                      " page(s) but only " + std::to_string(c.free_pages()) +
                                      " are free (missing cb_reserve_back?)");
    }
  } else if (c.reserved == 0) {
    t.run->fail_locked(t, line, "cb " + cb_name(cb) + ": cb_push_back of " + std::to_string(pages) +
                                    " page(s) without cb_reserve_back");
  } else if (pages > c.reserved) {
    t.run->fail_locked(t, line, "cb " + cb_name(cb) + ": cb_push_back of " + std::to_string(pages) +
                                    " page(s) but only " + std::to_string(c.reserved) +
                                    " reserved (missing cb_reserve_back?)");
  }
  stamp_pages(t, c, c.wr_page, pages);
  c.reserved -= std::min(pages, c.reserved);
  c.packed = 0;
  c.received += pages;
  c.wr_page = (c.wr_page + pages) % c.num_pages;
  t.run->notify(c);
}

void cb_wait_front(std::uint32_t cb, std::uint32_t pages, std::uint32_t line) {
  KernelThread& t = enter();
  CbState& c = checked_cb(t, cb, "cb_wait_front", line);
  ++t.counters.cb_waits;
  if (pages > c.num_pages) {
    t.run->fail(t, line, "cb " + cb_name(cb) + ": cb_wait_front of " + std::to_string(pages) +
                             " page(s) exceeds the CB's capacity of " + std::to_string(c.num_pages) +
                             " page(s) (it can never be satisfied)");
  }
  std::unique_lock<std::mutex> lock(t.run->mu);
  t.run->block(t, c, WaitKind::front, pages, line, lock);
  take_pages(t, c, c.rd_page, pages);
  c.waited = std::max(c.waited, pages);
  c.consumer = &t;
}

void cb_pop_front(std::uint32_t cb, std::uint32_t pages, std::uint32_t line) {
  KernelThread& t = enter();
  CbState& c = checked_cb(t, cb, "cb_pop_front", line);
  ++t.counters.cb_pops;
  std::unique_lock<std::mutex> lock(t.run->mu);
  if (c.waited == 0) {
    t.run->fail_locked(t, line, "cb " + cb_name(cb) + ": cb_pop_front of " + std::to_string(pages) +
                                    " page(s) without cb_wait_front");
  }
  if (pages > c.waited) {
    t.run->fail_locked(t, line, "cb " + cb_name(cb) + ": cb_pop_front of " + std::to_string(pages) +
                                    " page(s) but only " + std::to_string(c.waited) + " waited for");
  }
  std::uint32_t in_flight = 0;
  for (const PendingWrite& w : t.writes) {
    if (!w.flushed && overlaps_pages(c, c.rd_page, pages, w.src, w.size)) ++in_flight;
  }
  if (in_flight > 0) {
    t.run->fail_locked(t, line, "cb " + cb_name(cb) + ": cb_pop_front of pages that are the source of " +
                                    std::to_string(in_flight) +
                                    " NOC write(s) not yet completed (missing noc_async_write_barrier?)");
  }
  stamp_pages(t, c, c.rd_page, pages);
  c.waited -= pages;
  c.acked += pages;
  c.rd_page = (c.rd_page + pages) % c.num_pages;
  t.run->notify(c);
}

bool cb_pages_available_at_front(std::uint32_t cb, std::uint32_t pages, std::uint32_t line) {
  KernelThread& t = enter();
  CbState& c = checked_cb(t, cb, "cb_pages_available_at_front", line);
  std::lock_guard<std::mutex> lock(t.run->mu);
  if (c.filled() < pages) return false;
  take_pages(t, c, c.rd_page, pages);
  c.waited = std::max(c.waited, pages);
  return true;
}

bool cb_pages_reservable_at_back(std::uint32_t cb, std::uint32_t pages, std::uint32_t line) {
  KernelThread& t = enter();
  CbState& c = checked_cb(t, cb, "cb_pages_reservable_at_back", line);
  std::lock_guard<std::mutex> lock(t.run->mu);
  if (c.free_pages() < pages) return false;
  take_pages(t, c, c.wr_page, pages);
  c.reserved = std::max(c.reserved, pages);
  return true;
}

std::uint32_t cb_write_ptr(std::uint32_t cb, std::uint32_t line) {
  KernelThread& t = enter();
  CbState& c = checked_cb(t, cb, "get_write_ptr", line);
  std::lock_guard<std::mutex> lock(t.run->mu);
  return c.write_page_addr(0);
}

std::uint32_t cb_read_ptr(std::uint32_t cb, std::uint32_t line) {
  KernelThread& t = enter();
  CbState& c = checked_cb(t, cb, "get_read_ptr", line);
  std::lock_guard<std::mutex> lock(t.run->mu);
  return c.read_page_addr(0);
}

// ---- NOC -----------------------------------------------------------------------------------------------

void noc_read(std::uint64_t src, std::uint32_t dst_l1, std::uint32_t size, std::uint8_t noc, std::uint32_t line) {
  (void)noc;  // reads are ordered by their barrier only
  KernelThread& t = enter();
  if (size == 0) {
    t.run->fail(t, line, "noc_async_read of 0 bytes (a page size of 0: is the CB's data format set?)");
  }
  MemorySpace src_space;
  const std::uint8_t* p = resolve_noc(t, src, size, "noc_async_read", line, &src_space);
  check_local_l1(t, dst_l1, size, "noc_async_read", line);
  {
    // Reading into a CB is only meaningful for pages the kernel reserved. Pages reserved together
    // are addressed from get_write_ptr as one run, so a reservation that wraps around the CB's end
    // sends the pages past it into whatever lies beyond.
    std::unique_lock<std::mutex> lock(t.run->mu);
    for (const CbState& c : t.core->cbs) {
      if (!c.configured || c.producer != &t || c.reserved == 0) continue;
      const std::uint64_t first = c.write_page_addr(0);
      const std::uint64_t run_end = first + std::uint64_t(c.reserved) * c.page_size;
      if (dst_l1 >= first && dst_l1 < run_end && std::uint64_t(dst_l1) + size > c.end()) {
        t.run->fail_locked(t, line, "cb " + cb_name(c.index) + ": noc_async_read past the end of the CB: the " +
                                        std::to_string(c.reserved) + " page(s) reserved from page " +
                                        std::to_string(c.wr_page) + " of " + std::to_string(c.num_pages) +
                                        " wrap around it (make the CB a whole number of the pages reserved at once)");
      }
    }
    const CbState* offender = nullptr;
    bool allowed = false;
    for (const CbState& c : t.core->cbs) {
      if (!c.configured || dst_l1 + size <= c.base || dst_l1 >= c.end()) continue;
      if (c.producer == &t && overlaps_pages(c, c.wr_page, c.reserved, dst_l1, size)) {
        allowed = true;
      } else {
        offender = &c;
      }
    }
    if (offender != nullptr && !allowed) {
      t.run->fail_locked(t, line, "cb " + cb_name(offender->index) +
                                      ": noc_async_read into CB pages that were not reserved (missing cb_reserve_back?)");
    }
  }
  RaceDetector& races = t.run->races;
  const RaceDetector::AccessId from = races.read(t, src_space, noc_addr_offset(src), size, "noc_async_read", line);
  const RaceDetector::AccessId into = races.write(t, own_l1(t), dst_l1, size, "noc_async_read", line);
  t.reads.push_back({p, dst_l1, size, line, {from, into}});
  ++t.counters.noc_reads;
  t.counters.noc_read_bytes += size;
}

void check_write_source(KernelThread& t, std::uint32_t src_l1, std::uint32_t size, const char* api,
                        std::uint32_t line) {
  check_local_l1(t, src_l1, size, api, line);
  // Writing out of a CB is only meaningful for pages the kernel waited for (or reserved itself).
  std::unique_lock<std::mutex> lock(t.run->mu);
  const CbState* offender = nullptr;
  bool allowed = false;
  for (const CbState& c : t.core->cbs) {
    if (!c.configured || src_l1 < c.base || src_l1 >= c.end()) continue;
    if ((c.consumer == &t && overlaps_pages(c, c.rd_page, c.waited, src_l1, size)) ||
        (c.producer == &t && overlaps_pages(c, c.wr_page, c.reserved, src_l1, size))) {
      allowed = true;
    } else {
      offender = &c;
    }
  }
  if (offender != nullptr && !allowed) {
    t.run->fail_locked(t, line, "cb " + cb_name(offender->index) + ": " + api +
                                    " from CB pages that were not waited for (missing cb_wait_front?)");
  }
}

void issue_write(KernelThread& t, PendingWrite w) {
  for (const WriteDestination& d : w.dests) {
    if (d.semaphore) {
      w.clock = t.clock;  // released to the semaphore when the write lands
      break;
    }
  }
  t.writes.push_back(std::move(w));
  ++t.counters.noc_writes;
  t.counters.noc_write_bytes += t.writes.back().size;
}

void land(KernelThread& t, PendingWrite& w) {
  if (w.flushed) return;
  // memmove: a loopback multicast may copy the source onto itself.
  for (const WriteDestination& d : w.dests) std::memmove(d.ptr, t.core->l1 + w.src, w.size);
  w.flushed = true;
  t.run->races.complete(t, w.source_access);
  std::lock_guard<std::mutex> lock(t.run->mu);
  for (const WriteDestination& d : w.dests) {
    if (d.space.dram) continue;
    if (d.semaphore) t.run->races.semaphore_release_clock(d.space.index, d.offset, w.clock, false);
    t.run->notify_semaphores(d.space.index, d.offset, w.size);
  }
}

void land_earlier_writes(KernelThread& t, const std::vector<WriteDestination>& dests, std::uint8_t noc) {
  for (PendingWrite& w : t.writes) {
    if (w.noc != noc) continue;
    const bool shares = std::any_of(w.dests.begin(), w.dests.end(), [&](const WriteDestination& a) {
      return std::any_of(dests.begin(), dests.end(), [&](const WriteDestination& b) {
        return a.space.dram == b.space.dram && a.space.index == b.space.index;
      });
    });
    if (!shares) continue;
    land(t, w);
    for (const WriteDestination& d : w.dests) t.run->races.complete(t, d.access);
  }
}

void noc_write(std::uint32_t src_l1, std::uint64_t dst, std::uint32_t size, std::uint8_t noc, std::uint32_t line) {
  KernelThread& t = enter();
  if (size == 0) {
    t.run->fail(t, line, "noc_async_write of 0 bytes (a page size of 0: is the CB's data format set?)");
  }
  check_write_source(t, src_l1, size, "noc_async_write", line);
  MemorySpace dst_space;
  std::uint8_t* p = resolve_noc(t, dst, size, "noc_async_write", line, &dst_space);
  RaceDetector& races = t.run->races;
  PendingWrite w{src_l1, size, line, noc, false, {}, 0, {}};
  w.source_access = races.read(t, own_l1(t), src_l1, size, "noc_async_write", line);
  const std::uint32_t off = noc_addr_offset(dst);
  const bool semaphore = !dst_space.dram && races.is_semaphore(dst_space.index, off, size);
  w.dests.push_back({p, dst_space, off, races.write(t, dst_space, off, size, "noc_async_write", line), semaphore});
  issue_write(t, std::move(w));
}

void noc_read_barrier(std::uint32_t line) {
  KernelThread& t = enter();
  (void)line;
  for (const PendingRead& r : t.reads) {
    std::memcpy(t.core->l1 + r.dst, r.src, r.size);
    for (RaceDetector::AccessId a : r.accesses) t.run->races.complete(t, a);
  }
  t.reads.clear();
  ++t.counters.read_barriers;
}

void noc_writes_flushed(std::uint32_t line) {
  KernelThread& t = enter();
  (void)line;
  for (PendingWrite& w : t.writes) land(t, w);
  ++t.counters.writes_flushed;
}

void noc_write_barrier(std::uint32_t line) {
  KernelThread& t = enter();
  (void)line;
  for (PendingWrite& w : t.writes) {
    land(t, w);
    for (const WriteDestination& d : w.dests) t.run->races.complete(t, d.access);
  }
  t.writes.clear();
  ++t.counters.write_barriers;
}

std::uint32_t my_noc_x() { return current_thread().core->x + kWorkerNocOffset; }
std::uint32_t my_noc_y() { return current_thread().core->y + kWorkerNocOffset; }
std::uint32_t my_logical_x() { return current_thread().core->x; }
std::uint32_t my_logical_y() { return current_thread().core->y; }

void* l1_ptr(std::uint32_t addr, std::uint32_t size, std::uint32_t line) {
  KernelThread& t = enter();
  check_local_l1(t, addr, size, "l1_ptr", line);
  return t.core->l1 + addr;
}

}  // namespace tilesplit::emu::dev
