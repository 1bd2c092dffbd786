// Counters of the last emulated run: per kernel per core, and totals.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace tilesplit::emu {

struct KernelCounters {
  std::uint64_t noc_reads = 0;
  std::uint64_t noc_read_bytes = 0;
  std::uint64_t noc_writes = 0;
  std::uint64_t noc_write_bytes = 0;
  std::uint64_t read_barriers = 0;
  std::uint64_t write_barriers = 0;
  std::uint64_t writes_flushed = 0;  // noc_async_writes_flushed: waits until writes left L1, not for their acks
  std::uint64_t cb_reserves = 0;
  std::uint64_t cb_pushes = 0;
  std::uint64_t cb_waits = 0;
  std::uint64_t cb_pops = 0;
  std::uint64_t fpu_tiles = 0;   // copy/binary/matmul/reduce/bcast/transpose tile ops
  std::uint64_t sfpu_tiles = 0;  // SFPU unary, scalar and DST-DST binary tile ops
  std::uint64_t packed_tiles = 0;

  KernelCounters& operator+=(const KernelCounters& o);
};

struct KernelRunStats {
  std::uint32_t core_x = 0;
  std::uint32_t core_y = 0;
  std::string kernel;  // kernel file name
  std::string role;    // "brisc", "ncrisc", "compute"
  KernelCounters counters;
};

struct RunStats {
  std::vector<KernelRunStats> kernels;  // sorted by core (y, x), then role
  KernelCounters totals;
  std::uint32_t num_cores = 0;
  std::uint32_t num_threads = 0;
  double wall_seconds = 0;
  bool failed = false;
  // Patterns that work on silicon but are fragile, one line each ("emu warning: core (x,y) file:line: ...").
  std::vector<std::string> warnings;
};

// Stats of the most recent run in this process (empty before the first one).
const RunStats& last_run_stats();
// A readable table: one row per kernel per core, then the totals.
void print_stats(std::ostream& os, const RunStats& stats);
std::string format_stats(const RunStats& stats);

}  // namespace tilesplit::emu
