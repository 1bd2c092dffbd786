// What the data-movement API implementations share (dataflow.cpp: args, CBs, unicast NOC,
// barriers; semaphores.cpp: semaphores and multicast).
//
// The NOC model. A read's bytes are copied at noc_async_read_barrier. A write's bytes are copied
// (it *lands*) at noc_async_writes_flushed or noc_async_write_barrier, or earlier when the NOC's
// ordering forces it: writes from one thread on one NOC reach a destination in the order they were
// issued, so a semaphore write lands every earlier write of its thread and NOC to the same core
// first. Semaphore updates (set, increment, the semaphore writes) land at once. Landing is when
// the data is there; *completion* (race.hpp) is when the kernel may rely on it: a write completes
// at its barrier, or as the earlier part of an ordered semaphore write.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "run.hpp"

namespace tilesplit::emu::dev {

KernelThread& enter();
std::string hex(std::uint64_t v);

// Host pointer for a unicast NOC address, checked against the memory it names (DRAM or a
// worker's L1); `space`, when given, receives that memory.
std::uint8_t* resolve_noc(KernelThread& t, std::uint64_t addr, std::uint32_t size, const char* api, std::uint32_t line,
                          MemorySpace* space);
void check_local_l1(KernelThread& t, std::uint32_t addr, std::uint32_t size, const char* api, std::uint32_t line);

// The source of a write out of this core's L1 must lie in pages the kernel waited for (or reserved).
void check_write_source(KernelThread& t, std::uint32_t src_l1, std::uint32_t size, const char* api,
                        std::uint32_t line);
// Records an issued write (its race accesses already taken) as pending.
void issue_write(KernelThread& t, PendingWrite w);
// Copies a pending write's data to its destinations now (no-op if it already landed).
void land(KernelThread& t, PendingWrite& w);
// NOC ordering: lands, and completes, every pending write of t on `noc` to a core among `dests`.
void land_earlier_writes(KernelThread& t, const std::vector<WriteDestination>& dests, std::uint8_t noc);

}  // namespace tilesplit::emu::dev
