// Device API: semaphores (get_semaphore, noc_semaphore_wait/_min, noc_semaphore_set, the remote and
// multicast semaphore writes, noc_semaphore_inc) and multicast writes. The NOC model and its
// ordering rule are in noc.hpp; the happens-before edges semaphores carry, in race.hpp.
#include <cstring>
#include <string>

#include "noc.hpp"
#include "tilesplit_emu/noc_addr.h"

namespace tilesplit::emu::dev {

namespace {

std::string coords(std::uint32_t x, std::uint32_t y) { return "(" + std::to_string(x) + "," + std::to_string(y) + ")"; }

void check_word(KernelThread& t, std::uint32_t addr, const char* api, std::uint32_t line) {
  check_local_l1(t, addr, 4, api, line);
  if (addr % 4 != 0) t.run->fail(t, line, std::string(api) + ": semaphore address " + hex(addr) + " is not 4-byte aligned");
}

// Stores `value` into a semaphore word of an L1 (which may be another core's) and wakes its waiters.
void set_word(KernelThread& t, std::uint8_t* l1, std::uint32_t grid_index, std::uint32_t addr, std::uint32_t value,
              const VectorClock& released) {
  RaceDetector& races = t.run->races;
  races.register_semaphore(grid_index, addr);
  std::lock_guard<std::mutex> lock(t.run->mu);
  store_l1_word(l1, addr, value);
  races.semaphore_release_clock(grid_index, addr, released, true);
  t.run->notify_semaphores(grid_index, addr, 4);
}

// The cores of a multicast: the rectangle of NOC coordinates it names, without the sender unless
// `loopback`. Errors where tt-metal documents a restriction: a rectangle of non-worker
// coordinates; corners in the wrong order for the NOC; the sender inside it without loopback;
// num_dests other than the cores it reaches.
std::vector<WriteDestination> multicast_destinations(KernelThread& t, std::uint64_t addr, std::uint32_t size,
                                                     std::uint32_t num_dests, bool loopback, std::uint8_t noc,
                                                     const char* api, std::uint32_t line) {
  DeviceState& dev = t.run->device;
  if (!noc_addr_is_multicast(addr)) {
    t.run->fail(t, line, std::string(api) + ": the destination is not a multicast address (use get_noc_multicast_addr)");
  }
  const std::uint32_t off = noc_addr_offset(addr);
  if (std::uint64_t{off} + size > dev.arch().l1_size) {
    t.run->fail(t, line, std::string(api) + ": L1 address " + hex(off) + " + " + std::to_string(size) +
                             " bytes is past the end of L1");
  }
  const std::uint32_t xa = noc_addr_x_start(addr), ya = noc_addr_y_start(addr);
  const std::uint32_t xb = noc_addr_x(addr), yb = noc_addr_y(addr);
  const std::uint32_t x0 = std::min(xa, xb), x1 = std::max(xa, xb), y0 = std::min(ya, yb), y1 = std::max(ya, yb);
  const std::string rect = "NOC " + coords(xa, ya) + "-" + coords(xb, yb);
  // The corners go in the NOC's direction: NOC 0 runs right and down, so its rectangle starts at
  // the smaller coordinates; NOC 1 runs left and up, so it starts at the larger ones. tt-metal's
  // watcher rejects either the other way round (DebugSanitizeNocMulticastInvalidRange, in virtual
  // coordinates, which worker cores use here).
  const bool forward = xa <= xb && ya <= yb, backward = xa >= xb && ya >= yb;
  if (noc == 0 ? !forward : !backward) {
    t.run->fail(t, line, std::string(api) + " on NOC " + std::to_string(noc) + " to the rectangle " + rect +
                             ", which runs the wrong way for that NOC: on NOC 0 it starts at the smaller "
                             "coordinates, on NOC 1 at the larger ones (swap the corners)");
  }
  std::vector<WriteDestination> dests;
  bool sender_inside = false;
  for (std::uint32_t y = y0; y <= y1; ++y) {
    for (std::uint32_t x = x0; x <= x1; ++x) {
      std::uint8_t* l1 = x >= kWorkerNocOffset && y >= kWorkerNocOffset
                             ? dev.l1(x - kWorkerNocOffset, y - kWorkerNocOffset)
                             : nullptr;
      if (l1 == nullptr) {
        t.run->fail(t, line, std::string(api) + ": the multicast rectangle " + rect + " reaches NOC " + coords(x, y) +
                                 ", where there is no worker core (NOC coordinates are logical + (18,18))");
      }
      const std::uint32_t grid = (y - kWorkerNocOffset) * dev.arch().grid_x + (x - kWorkerNocOffset);
      if (grid == t.core->grid_index) {
        sender_inside = true;
        if (!loopback) continue;
      }
      dests.push_back({l1 + off, MemorySpace{false, grid}, off, 0, false});
    }
  }
  if (sender_inside && !loopback) {
    t.run->fail(t, line, std::string(api) + ": the multicast rectangle " + rect +
                             " includes the sending core, which this call cannot write (use the _loopback_src variant)");
  }
  if (dests.size() != num_dests) {
    t.run->fail(t, line, std::string(api) + " to the rectangle " + rect + ", which reaches " +
                             std::to_string(dests.size()) + " core(s), with num_dests " + std::to_string(num_dests) +
                             " (the write barrier waits for num_dests acknowledgements: it hangs when there are "
                             "fewer, and returns before every core has the data when there are more)");
  }
  return dests;
}

}  // namespace

std::uint32_t semaphore_address(std::uint32_t id, std::uint32_t line) {
  KernelThread& t = enter();
  if (id >= kMaxSemaphores || !t.core->semaphores[id]) {
    t.run->fail(t, line, "get_semaphore(" + std::to_string(id) + "): no semaphore " + std::to_string(id) +
                             " was created on this core (CreateSemaphore)");
  }
  return kL1SemaphoreBase + id * t.run->device.arch().l1_alignment;
}

void semaphore_wait(std::uint32_t addr, std::uint32_t value, bool at_least, std::uint32_t line) {
  KernelThread& t = enter();
  check_word(t, addr, at_least ? "noc_semaphore_wait_min" : "noc_semaphore_wait", line);
  t.run->races.register_semaphore(t.core->grid_index, addr);
  {
    std::unique_lock<std::mutex> lock(t.run->mu);
    t.run->block_on_semaphore(t, addr, value, at_least, line, lock);
  }
  t.run->races.semaphore_acquire(t, t.core->grid_index, addr);
}

void semaphore_set(std::uint32_t addr, std::uint32_t value, std::uint32_t line) {
  KernelThread& t = enter();
  check_word(t, addr, "noc_semaphore_set", line);
  set_word(t, t.core->l1, t.core->grid_index, addr, value, t.run->races.release(t));
}

void semaphore_inc(std::uint64_t addr, std::uint32_t incr, std::uint8_t noc, std::uint32_t line) {
  (void)noc;  // an atomic is not ordered after earlier writes (barrier them first)
  KernelThread& t = enter();
  if (noc_addr_is_dram(addr)) t.run->fail(t, line, "noc_semaphore_inc: the address is in DRAM, not a core's L1");
  MemorySpace space;
  std::uint8_t* p = resolve_noc(t, addr, 4, "noc_semaphore_inc", line, &space);
  const std::uint32_t off = noc_addr_offset(addr);
  if (off % 4 != 0) t.run->fail(t, line, "noc_semaphore_inc: address " + hex(off) + " is not 4-byte aligned");
  std::uint8_t* l1 = p - off;
  RaceDetector& races = t.run->races;
  races.register_semaphore(space.index, off);
  const VectorClock released = races.release(t);
  std::lock_guard<std::mutex> lock(t.run->mu);
  add_l1_word(l1, off, incr);
  races.semaphore_release_clock(space.index, off, released, false);
  t.run->notify_semaphores(space.index, off, 4);
}

void noc_atomic_barrier(std::uint32_t line) {
  // Atomics take effect when issued here, so none is ever outstanding.
  KernelThread& t = enter();
  (void)t;
  (void)line;
}

void semaphore_write(std::uint32_t src_l1, std::uint64_t dst, std::uint32_t num_dests, bool multicast, bool loopback,
                     std::uint8_t noc, std::uint32_t line) {
  KernelThread& t = enter();
  const char* api = !multicast ? "noc_semaphore_set_remote"
                    : loopback ? "noc_semaphore_set_multicast_loopback_src"
                               : "noc_semaphore_set_multicast";
  check_word(t, src_l1, api, line);
  std::vector<WriteDestination> dests;
  if (multicast) {
    dests = multicast_destinations(t, dst, 4, num_dests, loopback, noc, api, line);
  } else {
    MemorySpace space;
    std::uint8_t* p = resolve_noc(t, dst, 4, api, line, &space);
    if (space.dram) t.run->fail(t, line, std::string(api) + ": the address is in DRAM, not a core's L1");
    dests.push_back({p, space, noc_addr_offset(dst), 0, true});
  }
  // Earlier writes on this NOC reach these cores first, so they are complete for whoever sees the
  // semaphore change.
  land_earlier_writes(t, dests, noc);
  const std::uint32_t value = load_l1_word(t.core->l1, src_l1);
  const VectorClock released = t.run->races.release(t);
  for (WriteDestination& d : dests) {
    set_word(t, d.ptr - d.offset, d.space.index, d.offset, value, released);
    d.semaphore = true;
  }
  // A write like any other for the barrier, already landed.
  issue_write(t, PendingWrite{src_l1, 4, line, noc, true, std::move(dests), 0, {}});
}

void noc_write_multicast(std::uint32_t src_l1, std::uint64_t dst, std::uint32_t size, std::uint32_t num_dests,
                         bool loopback, std::uint8_t noc, std::uint32_t line) {
  KernelThread& t = enter();
  const char* api = loopback ? "noc_async_write_multicast_loopback_src" : "noc_async_write_multicast";
  if (size == 0) t.run->fail(t, line, std::string(api) + " of 0 bytes");
  check_write_source(t, src_l1, size, api, line);
  PendingWrite w{src_l1, size, line, noc, false, multicast_destinations(t, dst, size, num_dests, loopback, noc, api, line), 0, {}};
  RaceDetector& races = t.run->races;
  w.source_access = races.read(t, MemorySpace{false, t.core->grid_index}, src_l1, size, api, line);
  for (WriteDestination& d : w.dests) {
    // A loopback copy of the source onto itself moves nothing.
    const bool onto_source = d.space.index == t.core->grid_index && d.offset == src_l1;
    d.access = onto_source ? 0 : races.write(t, d.space, d.offset, size, api, line);
    d.semaphore = races.is_semaphore(d.space.index, d.offset, size);
  }
  issue_write(t, std::move(w));
}

}  // namespace tilesplit::emu::dev
