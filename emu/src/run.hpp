// One execution of a program: a thread per kernel per core, the circular buffers' state, the
// blocking/deadlock monitor and the error state.
//
// Concurrency model: all circular-buffer state of a run is guarded by one mutex (Run::mu). A thread
// that must wait (cb_reserve_back / cb_wait_front) registers on the CB and sleeps on its own condition
// variable; whoever changes the CB wakes the waiters whose condition now holds and un-counts them
// *before* releasing the mutex. So `blocked == live` is exact, and a deadlock is detected the moment the
// last running thread blocks (or finishes), without timeouts.
#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "device_state.hpp"
#include "jit.hpp"
#include "program_impl.hpp"
#include "tilesplit_emu/data_format.h"
#include "tilesplit_emu/kernel/abi.h"
#include "tilesplit_emu/stats.hpp"

namespace tilesplit::emu {

class Run;
struct KernelThread;

// Thrown to unwind a kernel thread once the run has failed.
struct KernelAbort {};

enum class WaitKind { reserve, front };

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
  std::vector<KernelThread*> waiters;
  const KernelThread* producer = nullptr;  // last thread to reserve pages
  const KernelThread* consumer = nullptr;  // last thread to wait for pages

  std::uint32_t filled() const { return static_cast<std::uint32_t>(received - acked); }
  std::uint32_t free_pages() const { return num_pages - filled(); }
  std::uint32_t write_page_addr(std::uint32_t i) const { return base + ((wr_page + i) % num_pages) * page_size; }
  std::uint32_t read_page_addr(std::uint32_t i) const { return base + ((rd_page + i) % num_pages) * page_size; }
  std::uint32_t end() const { return base + num_pages * page_size; }
};

struct CoreState {
  std::uint32_t x = 0, y = 0;  // logical
  std::uint8_t* l1 = nullptr;
  std::array<CbState, 64> cbs;
};

struct PendingRead {
  const std::uint8_t* src;
  std::uint32_t dst;  // L1 offset
  std::uint32_t size;
  std::uint32_t line;
};
struct PendingWrite {
  std::uint32_t src;  // L1 offset
  std::uint8_t* dst;
  std::uint32_t size;
  std::uint32_t line;
  bool flushed;  // data already copied by noc_async_writes_flushed, still needs the barrier
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
  Role role = Role::brisc;
  std::string name;  // kernel file name
  KernelEntry entry = nullptr;
  std::uint32_t args_addr = 0, num_args = 0;
  bool args_set = false;
  std::uint32_t common_addr = 0, num_common = 0;
  std::vector<PendingRead> reads;
  std::vector<PendingWrite> writes;
  KernelCounters counters;
  std::unique_ptr<ComputeState> compute;
  // Blocking state, guarded by Run::mu.
  bool waiting = false;
  WaitKind wait_kind = WaitKind::front;
  CbState* wait_cb = nullptr;
  std::uint32_t wait_pages = 0, wait_line = 0;
  bool done = false;
  std::condition_variable cv;
};

class Run {
 public:
  explicit Run(DeviceState& device) : device(device) {}

  DeviceState& device;
  std::mutex mu;
  std::atomic<bool> failed{false};
  std::vector<std::unique_ptr<CoreState>> cores;
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

  // Messages use "core (x,y) kernel.cpp:line: ".
  static std::string where(const KernelThread& t, std::uint32_t line);

 private:
  void thread_main(KernelThread& t);
  void end_of_kernel_checks(KernelThread& t);
  void record_locked(const std::string& message);
  std::string deadlock_report_locked() const;

  int live_ = 0;
  int blocked_ = 0;
  std::vector<std::string> errors_;
};

// The kernel thread the calling device-API function runs on.
KernelThread& current_thread();
std::string cb_name(std::uint32_t cb);
const char* format_name(tt::DataFormat f);

}  // namespace tilesplit::emu
