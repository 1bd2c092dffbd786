// One execution of a program: a thread per kernel per core, the circular buffers' state, the
// blocking/deadlock monitor and the error state.
//
// Concurrency model: all circular-buffer and semaphore state of a run is guarded by one mutex
// (Run::mu). A thread that must wait (cb_reserve_back / cb_wait_front / noc_semaphore_wait) registers
// and sleeps on its own condition variable; whoever changes the CB or the semaphore through the API
// wakes the waiters whose condition now holds and un-counts them *before* releasing the mutex. So
// `blocked == live` is exact, and a deadlock is detected the moment the last running thread blocks
// (or finishes), without timeouts. A semaphore can also change by a plain store through a tt_l1_ptr
// pointer, which the emulator does not see: semaphore waiters therefore also re-read their word
// every millisecond, and every semaphore waiter is re-checked before a deadlock is declared.
#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "device_state.hpp"
#include "jit.hpp"
#include "program_impl.hpp"
#include "race.hpp"
#include "tilesplit_emu/data_format.h"
#include "tilesplit_emu/kernel/abi.h"
#include "tilesplit_emu/noc_addr.h"
#include "tilesplit_emu/stats.hpp"

namespace tilesplit::emu {

class Run;
struct KernelThread;

// Thrown to unwind a kernel thread once the run has failed.
struct KernelAbort {};

enum class WaitKind { reserve, front, semaphore };

struct CbState {
  bool configured = false;
  std::uint32_t index = 0;
  std::uint32_t base = 0;
  std::uint32_t page_size = 0;
  std::uint32_t num_pages = 0;
  tt::DataFormat format = tt::DataFormat::Invalid;
  std::uint64_t received = 0;  // pages pushed so far
  std::uint64_t acked = 0;     // pages popped so far
  std::uint32_t wr_page = 0;   // ring index of the producer's next page
  std::uint32_t rd_page = 0;   // ring index of the consumer's next page
  std::uint32_t reserved = 0;  // pages the producer may push (from cb_reserve_back)
  std::uint32_t waited = 0;    // pages the consumer may read/pop (from cb_wait_front)
  std::uint32_t packed = 0;    // pages pack_tile wrote since the last cb_push_back (the packer's fifo_wr_tile_ptr)
  std::vector<KernelThread*> waiters;
  const KernelThread* producer = nullptr;  // last thread to reserve pages
  const KernelThread* consumer = nullptr;  // last thread to wait for pages
  // Per ring page, the clock of its last push (taken by cb_wait_front) or pop (taken by
  // cb_reserve_back): the happens-before edges of the CB protocol (race.hpp).
  std::vector<VectorClock> page_clocks;

  std::uint32_t filled() const { return static_cast<std::uint32_t>(received - acked); }
  std::uint32_t free_pages() const { return num_pages - filled(); }
  std::uint32_t write_page_addr(std::uint32_t i) const { return base + ((wr_page + i) % num_pages) * page_size; }
  std::uint32_t read_page_addr(std::uint32_t i) const { return base + ((rd_page + i) % num_pages) * page_size; }
  std::uint32_t end() const { return base + num_pages * page_size; }
};

struct CoreState {
  std::uint32_t x = 0, y = 0;  // logical
  std::uint32_t grid_index = 0;  // y * grid_x + x: the core's L1 MemorySpace index
  std::uint8_t* l1 = nullptr;
  std::array<CbState, 64> cbs;
  std::array<bool, kMaxSemaphores> semaphores{};  // ids created on this core (CreateSemaphore)
};

struct PendingRead {
  const std::uint8_t* src;
  std::uint32_t dst;  // L1 offset
  std::uint32_t size;
  std::uint32_t line;
  std::vector<RaceDetector::AccessId> accesses;  // source read, destination write
};
// One destination of a NOC write (several for a multicast).
struct WriteDestination {
  std::uint8_t* ptr;
  MemorySpace space;
  std::uint32_t offset;
  RaceDetector::AccessId access;
  bool semaphore;  // lands on a semaphore word: a release when it lands
};
struct PendingWrite {
  std::uint32_t src;  // L1 offset
  std::uint32_t size;
  std::uint32_t line;
  std::uint8_t noc;
  bool flushed;  // data already landed (copied) by a flush or by NOC ordering, still needs the barrier
  std::vector<WriteDestination> dests;
  RaceDetector::AccessId source_access;  // the read of src, complete once the data has left
  VectorClock clock;                     // writer's clock at issue, for destinations that are semaphores
};

// Compute-kernel state: DST and the init model (see docs/emulator.md).
struct ComputeState {
  enum class Phase { idle, math, committed, pack, legacy };
  struct FpuConfig {
    dev::FpuOp op = dev::FpuOp::none;
    std::uint32_t variant = 0, cb0 = 0, cb1 = 0, flags = 0;
    const char* api = nullptr;
    std::uint32_t line = 0;
  };
  struct SfpuConfig {
    bool valid = false;
    dev::SfpuOp init = dev::SfpuOp::count;
    const char* api = nullptr;
    std::uint32_t line = 0;
  };

  std::vector<float> dst = std::vector<float>(16 * 1024, 0.0f);
  std::array<bool, 16> fresh{};  // slot not written since the last release
  Phase phase = Phase::idle;
  std::uint32_t phase_line = 0;  // line of the call that entered the phase
  std::uint32_t capacity = 8;
  bool fp32 = false;
  bool started = false;
  FpuConfig fpu;
  SfpuConfig sfpu;
  bool reduce_needs_uninit = false;
  std::vector<float> a = std::vector<float>(1024), b = std::vector<float>(1024);
};

struct KernelThread {
  Run* run = nullptr;
  CoreState* core = nullptr;
  std::uint32_t index = 0;  // in Run::threads
  Role role = Role::brisc;
  std::uint8_t noc = 0;     // the kernel's NOC (DataMovementConfig::noc)
  std::string name;  // kernel file name
  KernelEntry entry = nullptr;
  std::uint32_t args_addr = 0, num_args = 0;
  bool args_set = false;
  std::uint32_t common_addr = 0, num_common = 0;
  std::vector<PendingRead> reads;
  std::vector<PendingWrite> writes;
  KernelCounters counters;
  std::unique_ptr<ComputeState> compute;
  VectorClock clock;  // happens-before (race.hpp); only this thread changes it
  // Blocking state, guarded by Run::mu.
  bool waiting = false;
  WaitKind wait_kind = WaitKind::front;
  CbState* wait_cb = nullptr;
  std::uint32_t wait_pages = 0, wait_line = 0;
  std::uint32_t wait_sem_addr = 0, wait_sem_value = 0;  // WaitKind::semaphore
  bool wait_sem_at_least = false;
  bool done = false;
  std::condition_variable cv;
  std::string dprint_line;  // DPRINT text up to its ENDL
};

class Run {
 public:
  explicit Run(DeviceState& device) : device(device) {}

  DeviceState& device;
  std::mutex mu;
  std::atomic<bool> failed{false};
  std::vector<std::unique_ptr<CoreState>> cores;
  std::vector<CoreState*> core_at;  // by grid index; nullptr where the program places nothing
  std::vector<std::unique_ptr<KernelThread>> threads;

  // Runs every thread to completion; returns the error messages (empty on success).
  std::vector<std::string> execute();

  // Records an error at `line` of t's kernel, stops the run and unwinds the calling thread.
  [[noreturn]] void fail(KernelThread& t, std::uint32_t line, const std::string& msg);
  [[noreturn]] void fail_locked(KernelThread& t, std::uint32_t line, const std::string& msg);
  void check_abort() const {
    if (failed.load(std::memory_order_relaxed)) throw KernelAbort{};
  }

  // Waits (with mu held through `lock`) until the CB has `pages` free (reserve) or filled (front).
  void block(KernelThread& t, CbState& cb, WaitKind kind, std::uint32_t pages, std::uint32_t line,
             std::unique_lock<std::mutex>& lock);
  // After a change to cb (mu held): wakes the waiters whose condition holds.
  void notify(CbState& cb);
  // Waits (mu held) until the word at `addr` of t's L1 equals `value` (or is at least it).
  void block_on_semaphore(KernelThread& t, std::uint32_t addr, std::uint32_t value, bool at_least,
                          std::uint32_t line, std::unique_lock<std::mutex>& lock);
  // After L1 of the core at `grid_index` changed in [addr, addr+size) (mu held): wakes the
  // semaphore waiters there whose condition now holds.
  void notify_semaphores(std::uint32_t grid_index, std::uint32_t addr, std::uint32_t size);

  // A warning: a pattern that works on silicon but is fragile. Recorded once per kernel line and
  // text (naming the first core, counting the others), printed to stderr after the run and kept in
  // last_run_stats().warnings.
  void warn(KernelThread& t, std::uint32_t line, const std::string& msg);
  std::vector<std::string> warnings() const;

  RaceDetector races{*this};

  // Messages use "core (x,y) kernel.cpp:line: " (where) around "core (x,y) kernel.cpp:line" (site).
  static std::string where(const KernelThread& t, std::uint32_t line);
  static std::string site(const KernelThread& t, std::uint32_t line);

 private:
  void thread_main(KernelThread& t);
  void end_of_kernel_checks(KernelThread& t);
  void record_locked(const std::string& message);
  // When every live thread is blocked (mu held): wakes semaphore waiters whose word changed by a
  // plain store; if none, records the deadlock.
  void all_blocked_locked();
  std::string deadlock_report_locked() const;
  bool semaphore_satisfied(const KernelThread& w) const;
  void wake_locked(KernelThread& w);

  int live_ = 0;
  int blocked_ = 0;
  std::vector<std::string> errors_;
  std::vector<KernelThread*> semaphore_waiters_;
  struct Warning {
    std::string text;                                         // "kernel.cpp:line: what"
    std::set<std::pair<std::uint32_t, std::uint32_t>> cores;  // (y, x): in grid order
  };
  mutable std::mutex warn_mu_;
  std::vector<Warning> warnings_;
};

// The 32-bit word at `addr` of an L1 (atomic: kernels may store to it directly).
std::uint32_t load_l1_word(const std::uint8_t* l1, std::uint32_t addr);
void store_l1_word(std::uint8_t* l1, std::uint32_t addr, std::uint32_t value);
std::uint32_t add_l1_word(std::uint8_t* l1, std::uint32_t addr, std::uint32_t incr);

// Race tracking of a compute kernel's own L1 accesses (unpack reads, pack writes), which complete
// at once. Call without Run::mu held.
void track_local_l1(KernelThread& t, std::uint32_t addr, std::uint32_t size, bool write, const char* api,
                    std::uint32_t line);

// The kernel thread the calling device-API function runs on.
KernelThread& current_thread();
std::string cb_name(std::uint32_t cb);
const char* format_name(tt::DataFormat f);

}  // namespace tilesplit::emu
