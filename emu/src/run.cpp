#include "run.hpp"

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <sstream>

#include "kernel_context.hpp"

namespace tilesplit::emu {

namespace {
thread_local KernelThread* t_current = nullptr;

// Kernel code runs on small stacks so that a 13x10 grid (390 threads) stays cheap.
constexpr std::size_t kThreadStack = 512 * 1024;

struct StartArg {
  Run* run;
  KernelThread* thread;
};
}  // namespace

KernelThread& current_thread() {
  if (t_current == nullptr) {
    // A device API called outside a kernel thread (e.g. from host code): not recoverable.
    std::fputs("emu error: a device API function was called outside a kernel\n", stderr);
    std::abort();
  }
  return *t_current;
}

std::string cb_name(std::uint32_t cb) { return "c_" + std::to_string(cb); }

const char* format_name(tt::DataFormat f) {
  switch (f) {
    case tt::DataFormat::Float32: return "Float32";
    case tt::DataFormat::Float16: return "Float16";
    case tt::DataFormat::Float16_b: return "Float16_b";
    case tt::DataFormat::Bfp8_b: return "Bfp8_b";
    case tt::DataFormat::Bfp4_b: return "Bfp4_b";
    case tt::DataFormat::Int32: return "Int32";
    case tt::DataFormat::UInt32: return "UInt32";
    case tt::DataFormat::UInt16: return "UInt16";
    case tt::DataFormat::UInt8: return "UInt8";
    case tt::DataFormat::Invalid: return "Invalid";
    default: return "(other)";
  }
}

std::string Run::site(const KernelThread& t, std::uint32_t line) {
  // Line 0: no API call to point at (a fault, an exception).
  return "core (" + std::to_string(t.core->x) + "," + std::to_string(t.core->y) + ") " + t.name +
         (line != 0 ? ":" + std::to_string(line) : "");
}

std::string Run::where(const KernelThread& t, std::uint32_t line) { return site(t, line) + ": "; }

void Run::record_locked(const std::string& message) {
  errors_.push_back(message);
  failed.store(true);
  // Wake every sleeper so it can unwind.
  for (auto& th : threads) {
    if (th->waiting) th->cv.notify_one();
  }
}

void Run::fail_locked(KernelThread& t, std::uint32_t line, const std::string& msg) {
  record_locked("emu error: " + where(t, line) + msg);
  throw KernelAbort{};
}

void Run::fail(KernelThread& t, std::uint32_t line, const std::string& msg) {
  std::unique_lock<std::mutex> lock(mu);
  fail_locked(t, line, msg);
}

namespace {
bool satisfied(const CbState& cb, WaitKind kind, std::uint32_t pages) {
  return kind == WaitKind::reserve ? cb.free_pages() >= pages : cb.filled() >= pages;
}
// How often a semaphore waiter re-reads its word, which a plain store may have changed.
constexpr auto kSemaphorePoll = std::chrono::milliseconds(1);
}  // namespace

std::uint32_t load_l1_word(const std::uint8_t* l1, std::uint32_t addr) {
  return __atomic_load_n(reinterpret_cast<const std::uint32_t*>(l1 + addr), __ATOMIC_SEQ_CST);
}
void store_l1_word(std::uint8_t* l1, std::uint32_t addr, std::uint32_t value) {
  __atomic_store_n(reinterpret_cast<std::uint32_t*>(l1 + addr), value, __ATOMIC_SEQ_CST);
}
std::uint32_t add_l1_word(std::uint8_t* l1, std::uint32_t addr, std::uint32_t incr) {
  return __atomic_add_fetch(reinterpret_cast<std::uint32_t*>(l1 + addr), incr, __ATOMIC_SEQ_CST);
}

bool Run::semaphore_satisfied(const KernelThread& w) const {
  const std::uint32_t v = load_l1_word(w.core->l1, w.wait_sem_addr);
  return w.wait_sem_at_least ? v >= w.wait_sem_value : v == w.wait_sem_value;
}

void Run::wake_locked(KernelThread& w) {
  w.waiting = false;
  --blocked_;
  w.cv.notify_one();
}

void Run::all_blocked_locked() {
  bool woke = false;
  for (auto it = semaphore_waiters_.begin(); it != semaphore_waiters_.end();) {
    if (semaphore_satisfied(**it)) {
      wake_locked(**it);
      it = semaphore_waiters_.erase(it);
      woke = true;
    } else {
      ++it;
    }
  }
  if (!woke) record_locked(deadlock_report_locked());
}

void Run::block(KernelThread& t, CbState& cb, WaitKind kind, std::uint32_t pages, std::uint32_t line,
                std::unique_lock<std::mutex>& lock) {
  if (failed.load()) throw KernelAbort{};
  if (satisfied(cb, kind, pages)) return;
  t.waiting = true;
  t.wait_kind = kind;
  t.wait_cb = &cb;
  t.wait_pages = pages;
  t.wait_line = line;
  cb.waiters.push_back(&t);
  ++blocked_;
  if (blocked_ == live_) all_blocked_locked();
  t.cv.wait(lock, [&] { return !t.waiting || failed.load(); });
  if (t.waiting) {  // woken by a failure, not by the CB
    cb.waiters.erase(std::find(cb.waiters.begin(), cb.waiters.end(), &t));
    t.waiting = false;
    --blocked_;
    throw KernelAbort{};
  }
}

void Run::notify(CbState& cb) {
  for (auto it = cb.waiters.begin(); it != cb.waiters.end();) {
    KernelThread* w = *it;
    if (satisfied(cb, w->wait_kind, w->wait_pages)) {
      w->waiting = false;
      --blocked_;
      it = cb.waiters.erase(it);
      w->cv.notify_one();
    } else {
      ++it;
    }
  }
}

void Run::block_on_semaphore(KernelThread& t, std::uint32_t addr, std::uint32_t value, bool at_least,
                             std::uint32_t line, std::unique_lock<std::mutex>& lock) {
  if (failed.load()) throw KernelAbort{};
  t.wait_kind = WaitKind::semaphore;
  t.wait_sem_addr = addr;
  t.wait_sem_value = value;
  t.wait_sem_at_least = at_least;
  t.wait_line = line;
  if (semaphore_satisfied(t)) return;
  t.waiting = true;
  semaphore_waiters_.push_back(&t);
  ++blocked_;
  if (blocked_ == live_) all_blocked_locked();
  while (t.waiting && !failed.load()) {
    t.cv.wait_for(lock, kSemaphorePoll);
    if (t.waiting && !failed.load() && semaphore_satisfied(t)) {
      semaphore_waiters_.erase(std::find(semaphore_waiters_.begin(), semaphore_waiters_.end(), &t));
      t.waiting = false;
      --blocked_;
    }
  }
  if (t.waiting) {  // woken by a failure
    semaphore_waiters_.erase(std::find(semaphore_waiters_.begin(), semaphore_waiters_.end(), &t));
    t.waiting = false;
    --blocked_;
    throw KernelAbort{};
  }
}

void Run::notify_semaphores(std::uint32_t grid_index, std::uint32_t addr, std::uint32_t size) {
  for (auto it = semaphore_waiters_.begin(); it != semaphore_waiters_.end();) {
    KernelThread* w = *it;
    if (w->core->grid_index == grid_index && w->wait_sem_addr + 4 > addr && w->wait_sem_addr < addr + size && semaphore_satisfied(*w)) {
      wake_locked(*w);
      it = semaphore_waiters_.erase(it);
    } else {
      ++it;
    }
  }
}

void Run::warn(KernelThread& t, std::uint32_t line, const std::string& msg) {
  // Once per kernel line and text, naming the first core in grid order and counting the others.
  const std::string text = t.name + (line != 0 ? ":" + std::to_string(line) : "") + ": " + msg;
  std::lock_guard<std::mutex> lock(warn_mu_);
  for (Warning& w : warnings_) {
    if (w.text == text) {
      w.cores.insert({t.core->y, t.core->x});
      return;
    }
  }
  warnings_.push_back({text, {{t.core->y, t.core->x}}});
}

std::vector<std::string> Run::warnings() const {
  std::lock_guard<std::mutex> lock(warn_mu_);
  std::vector<std::string> out;
  for (const Warning& w : warnings_) {
    const auto [y, x] = *w.cores.begin();
    const std::size_t others = w.cores.size() - 1;
    out.push_back("emu warning: core (" + std::to_string(x) + "," + std::to_string(y) + ") " + w.text +
                  (others == 0 ? ""
                               : " (also on " + std::to_string(others) + " other core" + (others == 1 ? "" : "s") +
                                     ")"));
  }
  return out;
}

std::string Run::deadlock_report_locked() const {
  std::ostringstream os;
  os << "emu error: deadlock: every running kernel is blocked on a circular buffer or a semaphore";
  for (const auto& th : threads) {
    if (!th->waiting) continue;
    if (th->wait_kind == WaitKind::semaphore) {
      os << "\n  " << where(*th, th->wait_line) << (th->wait_sem_at_least ? "noc_semaphore_wait_min" : "noc_semaphore_wait")
         << " on L1 0x" << std::hex << th->wait_sem_addr << std::dec << " waits for "
         << (th->wait_sem_at_least ? "at least " : "") << th->wait_sem_value << ", value is "
         << load_l1_word(th->core->l1, th->wait_sem_addr);
      continue;
    }
    const CbState& cb = *th->wait_cb;
    os << "\n  " << where(*th, th->wait_line) << "cb " << cb_name(cb.index) << ": ";
    if (th->wait_kind == WaitKind::front) {
      os << "cb_wait_front waits for " << th->wait_pages << " page(s), " << cb.filled() << " available";
    } else {
      os << "cb_reserve_back waits for " << th->wait_pages << " free page(s), " << cb.free_pages() << " of "
         << cb.num_pages << " free";
    }
  }
  std::string finished;
  for (const auto& th : threads) {
    if (th->done) {
      finished += (finished.empty() ? "" : ", ") + std::string("core (") + std::to_string(th->core->x) + "," +
                  std::to_string(th->core->y) + ") " + th->name;
    }
  }
  if (!finished.empty()) os << "\n  (already finished: " << finished << ")";
  return os.str();
}

void Run::end_of_kernel_checks(KernelThread& t) {
  if (!t.reads.empty()) {
    fail(t, t.reads.front().line,
         "kernel ended with " + std::to_string(t.reads.size()) +
             " NOC read(s) not completed (missing noc_async_read_barrier?)");
  }
  // tt-metal's firmware asserts at kernel end that every write has been sent, not that it has
  // been acknowledged: a flushed write may still be in flight.
  const auto unsent = std::count_if(t.writes.begin(), t.writes.end(), [](const PendingWrite& w) { return !w.flushed; });
  for (const PendingWrite& w : t.writes) {
    if (!w.flushed) {
      fail(t, w.line,
           "kernel ended with " + std::to_string(unsent) +
               " NOC write(s) not completed (missing noc_async_write_barrier?)");
    }
  }
  if (t.compute) {
    const ComputeState& c = *t.compute;
    switch (c.phase) {
      case ComputeState::Phase::idle: break;
      case ComputeState::Phase::math:
        fail(t, c.phase_line, "kernel ended with DST acquired here but not committed (missing tile_regs_commit?)");
      case ComputeState::Phase::committed:
        fail(t, c.phase_line, "kernel ended with DST committed here but not waited for and released "
                              "(missing tile_regs_wait / tile_regs_release?)");
      case ComputeState::Phase::pack:
        fail(t, c.phase_line, "kernel ended with DST waited for here but not released (missing tile_regs_release?)");
      case ComputeState::Phase::legacy:
        fail(t, c.phase_line, "kernel ended with DST acquired here by acquire_dst but not released (missing release_dst?)");
    }
  }
}

void Run::thread_main(KernelThread& t) {
  t_current = &t;
  try {
    std::string fault;
    if (run_kernel_guarded(t, t.entry, fault)) {
      end_of_kernel_checks(t);
    } else {
      std::lock_guard<std::mutex> lock(mu);
      if (!failed.load()) record_locked("emu error: " + where(t, 0) + fault);
    }
  } catch (const KernelAbort&) {
  } catch (const std::exception& e) {
    std::lock_guard<std::mutex> lock(mu);
    record_locked("emu error: " + where(t, 0) + "kernel threw an exception: " + e.what());
  } catch (...) {
    std::lock_guard<std::mutex> lock(mu);
    record_locked("emu error: " + where(t, 0) + "kernel threw an exception");
  }
  t_current = nullptr;
  std::lock_guard<std::mutex> lock(mu);
  t.done = true;
  --live_;
  // A finished thread can leave the others waiting on it forever.
  if (live_ > 0 && blocked_ == live_ && !failed.load()) all_blocked_locked();
}

std::vector<std::string> Run::execute() {
  live_ = static_cast<int>(threads.size());
  blocked_ = 0;
  for (std::size_t i = 0; i < threads.size(); ++i) threads[i]->index = static_cast<std::uint32_t>(i);
  races.start(threads.size());
  std::vector<pthread_t> ids(threads.size());
  std::vector<StartArg> args(threads.size());
  std::vector<bool> started(threads.size(), false);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kThreadStack);
  for (std::size_t i = 0; i < threads.size(); ++i) {
    args[i] = {this, threads[i].get()};
    const int rc = pthread_create(
        &ids[i], &attr,
        [](void* p) -> void* {
          auto* a = static_cast<StartArg*>(p);
          a->run->thread_main(*a->thread);
          return nullptr;
        },
        &args[i]);
    if (rc != 0) {
      std::lock_guard<std::mutex> lock(mu);
      record_locked(std::string("emu error: cannot start kernel thread: ") + std::strerror(rc));
      // The threads never started count as finished.
      live_ -= static_cast<int>(threads.size() - i);
      for (std::size_t j = i; j < threads.size(); ++j) threads[j]->done = true;
      break;
    }
    started[i] = true;
  }
  pthread_attr_destroy(&attr);
  for (std::size_t i = 0; i < threads.size(); ++i) {
    if (started[i]) pthread_join(ids[i], nullptr);
  }
  return errors_;
}

}  // namespace tilesplit::emu
