// Data-race detection for memory moved over the NOC (DRAM pages, L1 written by NOC transfers or by
// the packer), by happens-before rather than timing.
//
// Contract. Every kernel thread carries a vector clock. Its own component advances at each
// *release* (cb_push_back, cb_pop_front, a semaphore set or increment, a barrier); an *acquire*
// joins a clock released earlier (cb_wait_front / cb_reserve_back take the clocks of the pages they
// get; a satisfied noc_semaphore_wait takes the semaphore's). Program boundaries order everything:
// each Run starts with empty state. Every access to tracked memory is recorded per 16-byte cell;
// an access is *complete* when its data has certainly moved (a write at noc_async_write_barrier, a
// read at noc_async_read_barrier, a compute unpack or pack at once), and its completion is stamped
// with the owner's clock then. Access B by thread U is ordered after access A by thread T when A is
// complete and U's clock has seen T's clock at A's completion. A read that is not ordered after the
// cell's last write, or a write not ordered after the cell's last write and every read since, is
// an error naming both accesses. The exception is two writes by one thread: the NOC delivers them
// in order. Semaphore words themselves are synchronisation, not data, and are not tracked.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace tilesplit::emu {

class Run;
struct KernelThread;

using VectorClock = std::vector<std::uint32_t>;
void join_into(VectorClock& into, const VectorClock& from);

// A tracked memory: a DRAM bank, or one core's L1.
struct MemorySpace {
  bool dram = false;
  std::uint32_t index = 0;  // bank, or core index in Run::cores
};

class RaceDetector {
 public:
  using AccessId = std::uint32_t;  // 0: none
  static constexpr std::uint32_t kPending = std::numeric_limits<std::uint32_t>::max();

  explicit RaceDetector(Run& run) : run_(run) {}
  // Called once the run's threads exist: sizes every clock and starts each thread at 1.
  void start(std::size_t num_threads);

  // ---- clocks (the calling thread's own clock needs no lock; shared clocks are guarded) ----
  // A snapshot of t's clock, after which t's own component advances.
  VectorClock release(KernelThread& t);
  void acquire(KernelThread& t, const VectorClock& released);

  // ---- semaphores, keyed by (core index, L1 address) ----
  // A semaphore set replaces its clock with the setter's; an increment joins the incrementer's.
  void semaphore_release(KernelThread& t, std::uint32_t core, std::uint32_t addr, bool replace);
  void semaphore_release_clock(std::uint32_t core, std::uint32_t addr, const VectorClock& clock, bool replace);
  void semaphore_acquire(KernelThread& t, std::uint32_t core, std::uint32_t addr);
  // Whether the word is a semaphore (created by the host, or used by a semaphore call).
  void register_semaphore(std::uint32_t core, std::uint32_t addr);
  bool is_semaphore(std::uint32_t core, std::uint32_t addr, std::uint32_t size) const;

  // ---- accesses: each checks the cells it touches and records itself. On a race it fails the
  // run at t's `line` with a message naming both sides (and does not return), so they are called
  // without the run's lock (Run::mu) held. The semaphore calls may be made under it. ----
  AccessId read(KernelThread& t, MemorySpace space, std::uint32_t addr, std::uint32_t size, const char* api,
                std::uint32_t line);
  AccessId write(KernelThread& t, MemorySpace space, std::uint32_t addr, std::uint32_t size, const char* api,
                 std::uint32_t line);
  // The access's data has moved: stamps it with its owner's current clock (once: later calls for
  // the same access change nothing).
  void complete(KernelThread& t, AccessId id);

 private:
  struct Access {
    std::uint32_t thread;
    std::uint32_t line;
    std::uint32_t completed;  // owner's clock component at completion, or kPending
    bool is_write;
    const char* api;
  };
  struct Cell {
    AccessId write = 0;
    AccessId read = 0;         // one reader since the last write ...
    std::uint32_t readers = 0;  // ... or an index into reader_sets_ (+1) when there are more
  };

  Cell& cell(MemorySpace space, std::uint32_t cell_index);
  // Is access `a` ordered before anything thread t does now?
  bool ordered_before(const Access& a, const KernelThread& t) const;
  std::string race_message(const KernelThread& t, const char* api, bool is_write, MemorySpace space,
                           std::uint32_t addr, const Access& other) const;
  std::string describe(MemorySpace space, std::uint32_t addr) const;

  Run& run_;
  mutable std::mutex mu_;
  std::vector<Access> accesses_{Access{}};  // index 0 is "none"
  std::vector<std::unordered_map<std::uint32_t, Cell>> dram_;
  std::vector<std::vector<Cell>> l1_;
  std::vector<std::vector<AccessId>> reader_sets_;
  std::map<std::pair<std::uint32_t, std::uint32_t>, VectorClock> semaphores_;
};

}  // namespace tilesplit::emu
