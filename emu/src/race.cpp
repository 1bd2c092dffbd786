#include "race.hpp"

#include <algorithm>
#include <cstdio>

#include "run.hpp"

namespace tilesplit::emu {

namespace {
constexpr std::uint32_t kCellBytes = 16;

std::string hex(std::uint64_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}
}  // namespace

void join_into(VectorClock& into, const VectorClock& from) {
  if (into.size() < from.size()) into.resize(from.size(), 0);
  for (std::size_t i = 0; i < from.size(); ++i) into[i] = std::max(into[i], from[i]);
}

void RaceDetector::start(std::size_t num_threads) {
  for (std::size_t i = 0; i < run_.threads.size(); ++i) {
    VectorClock& c = run_.threads[i]->clock;
    c.assign(num_threads, 0);
    c[i] = 1;
  }
  dram_.resize(run_.device.arch().num_dram_banks);
  l1_.resize(run_.device.num_cores());
}

VectorClock RaceDetector::release(KernelThread& t) {
  VectorClock snapshot = t.clock;
  ++t.clock[t.index];
  return snapshot;
}

void RaceDetector::acquire(KernelThread& t, const VectorClock& released) { join_into(t.clock, released); }

void RaceDetector::semaphore_release(KernelThread& t, std::uint32_t core, std::uint32_t addr, bool replace) {
  semaphore_release_clock(core, addr, release(t), replace);
}

void RaceDetector::semaphore_release_clock(std::uint32_t core, std::uint32_t addr, const VectorClock& clock,
                                           bool replace) {
  std::lock_guard<std::mutex> lock(mu_);
  VectorClock& c = semaphores_[{core, addr}];
  if (replace) {
    c = clock;
  } else {
    join_into(c, clock);
  }
}

void RaceDetector::semaphore_acquire(KernelThread& t, std::uint32_t core, std::uint32_t addr) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = semaphores_.find({core, addr});
  if (it != semaphores_.end()) join_into(t.clock, it->second);
}

void RaceDetector::register_semaphore(std::uint32_t core, std::uint32_t addr) {
  std::lock_guard<std::mutex> lock(mu_);
  semaphores_.try_emplace({core, addr});
}

bool RaceDetector::is_semaphore(std::uint32_t core, std::uint32_t addr, std::uint32_t size) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = semaphores_.lower_bound({core, addr >= 3 ? addr - 3 : 0});
  return it != semaphores_.end() && it->first.first == core && it->first.second < addr + size;
}

RaceDetector::Cell& RaceDetector::cell(MemorySpace space, std::uint32_t cell_index) {
  if (space.dram) return dram_[space.index][cell_index];
  std::vector<Cell>& cells = l1_[space.index];
  if (cells.empty()) cells.resize(run_.device.arch().l1_size / kCellBytes);
  return cells[cell_index];
}

bool RaceDetector::ordered_before(const Access& a, const KernelThread& t) const {
  return a.completed != kPending && t.clock[a.thread] >= a.completed;
}

RaceDetector::AccessId RaceDetector::read(KernelThread& t, MemorySpace space, std::uint32_t addr, std::uint32_t size,
                                          const char* api, std::uint32_t line) {
  std::unique_lock<std::mutex> lock(mu_);
  const AccessId id = static_cast<AccessId>(accesses_.size());
  accesses_.push_back({t.index, line, kPending, false, api});
  for (std::uint32_t c = addr / kCellBytes; c * kCellBytes < addr + size; ++c) {
    if (!space.dram && semaphores_.count({space.index, c * kCellBytes}) != 0) continue;
    Cell& cl = cell(space, c);
    if (cl.write != 0) {
      const Access& w = accesses_[cl.write];
      if (!ordered_before(w, t)) {
        const std::string msg = race_message(t, api, false, space, std::max(addr, c * kCellBytes), w);
        lock.unlock();  // run_.fail takes the run's lock, which is taken before this one elsewhere
        run_.fail(t, line, msg);
      }
    }
    // Remember this reader (one entry per thread) for the next write's check.
    auto same_thread = [&](AccessId r) { return accesses_[r].thread == t.index; };
    if (cl.read == 0 || same_thread(cl.read)) {
      cl.read = id;
    } else {
      if (cl.readers == 0) {
        reader_sets_.emplace_back();
        cl.readers = static_cast<std::uint32_t>(reader_sets_.size());
      }
      std::vector<AccessId>& set = reader_sets_[cl.readers - 1];
      auto it = std::find_if(set.begin(), set.end(), same_thread);
      if (it != set.end()) {
        *it = id;
      } else {
        set.push_back(id);
      }
    }
  }
  return id;
}

RaceDetector::AccessId RaceDetector::write(KernelThread& t, MemorySpace space, std::uint32_t addr, std::uint32_t size,
                                           const char* api, std::uint32_t line) {
  std::unique_lock<std::mutex> lock(mu_);
  const AccessId id = static_cast<AccessId>(accesses_.size());
  accesses_.push_back({t.index, line, kPending, true, api});
  for (std::uint32_t c = addr / kCellBytes; c * kCellBytes < addr + size; ++c) {
    if (!space.dram && semaphores_.count({space.index, c * kCellBytes}) != 0) continue;
    Cell& cl = cell(space, c);
    const std::uint32_t at = std::max(addr, c * kCellBytes);
    // Two writes of one thread land in order; anything else must be ordered.
    auto check = [&](const Access& other) {
      if (ordered_before(other, t)) return;
      const std::string msg = race_message(t, api, true, space, at, other);
      lock.unlock();  // see read()
      run_.fail(t, line, msg);
    };
    if (cl.write != 0 && accesses_[cl.write].thread != t.index) check(accesses_[cl.write]);
    auto check_reader = [&](AccessId r) { check(accesses_[r]); };
    if (cl.read != 0) check_reader(cl.read);
    if (cl.readers != 0) {
      for (AccessId r : reader_sets_[cl.readers - 1]) check_reader(r);
      reader_sets_[cl.readers - 1].clear();
    }
    cl.write = id;
    cl.read = 0;
  }
  return id;
}

void RaceDetector::complete(KernelThread& t, AccessId id) {
  if (id == 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  // The first completion counts: a write completed by a later semaphore write on its NOC is met
  // again by the next one, or by the barrier, and stamping it then with the newer clock would
  // hide the order the semaphore already gave whoever waited on it.
  if (accesses_[id].completed == kPending) accesses_[id].completed = t.clock[t.index];
}

std::string RaceDetector::describe(MemorySpace space, std::uint32_t addr) const {
  const DeviceState& dev = run_.device;
  if (space.dram) {
    std::string s = "DRAM bank " + std::to_string(space.index) + " address " + hex(addr);
    if (const auto* b = dev.find_dram_buffer(addr)) {
      const std::uint32_t page = (addr - b->base) / b->aligned_page_size * dev.arch().num_dram_banks + space.index;
      s = "page " + std::to_string(page) + " of the DRAM buffer at " + hex(b->base) + " (" + s + ")";
    }
    return s;
  }
  const std::uint32_t gx = dev.arch().grid_x;
  std::string s = "L1 of core (" + std::to_string(space.index % gx) + "," + std::to_string(space.index / gx) + ") at " +
                  hex(addr);
  if (const CoreState* core = run_.core_at[space.index]) {
    for (const CbState& cb : core->cbs) {
      if (cb.configured && addr >= cb.base && addr < cb.end()) {
        s += " (cb " + cb_name(cb.index) + " page " + std::to_string((addr - cb.base) / cb.page_size) + ")";
      }
    }
  }
  return s;
}

std::string RaceDetector::race_message(const KernelThread& t, const char* api, bool is_write, MemorySpace space,
                                       std::uint32_t addr, const Access& other) const {
  const bool same = other.thread == t.index;
  const bool unfinished = other.completed == kPending;
  const std::string them = same ? "this kernel's " + std::string(other.api) + " at line " + std::to_string(other.line)
                                : std::string(other.api) + " by " + Run::site(*run_.threads[other.thread], other.line);
  std::string msg = "data race: " + std::string(api) + (is_write ? " to " : " of ") + describe(space, addr);
  if (!is_write) {
    if (same) {
      msg += " may read what " + them + " is still writing (missing noc_async_write_barrier?)";
    } else if (unfinished) {
      msg += " may read what " + them +
             " wrote and has not completed (a write completes at the writer's noc_async_write_barrier; only after "
             "it may a semaphore or circular buffer pass the data on)";
    } else {
      msg += " may read what " + them +
             " wrote, and nothing orders that write before this read (after the writer's barrier, a semaphore or "
             "circular buffer this kernel waits on, or a separate program)";
    }
  } else if (other.is_write) {
    msg += " races with " + them + ": two writes to the same memory with nothing ordering them";
  } else if (same) {
    msg += " may overwrite what " + them + " has not finished reading (missing noc_async_read_barrier?)";
  } else {
    msg += " may overwrite what " + them +
           (unfinished ? " has not finished reading" : " read, with nothing ordering that read before this write");
  }
  return msg;
}

}  // namespace tilesplit::emu
