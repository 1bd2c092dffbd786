#include <algorithm>
#include <cstdio>
#include <mutex>
#include <ostream>
#include <set>
#include <sstream>

#include "stats_impl.hpp"
#include "tilesplit_emu/stats.hpp"

namespace tilesplit::emu {

namespace {
std::mutex g_mu;
RunStats g_last;
}  // namespace

KernelCounters& KernelCounters::operator+=(const KernelCounters& o) {
  noc_reads += o.noc_reads;
  noc_read_bytes += o.noc_read_bytes;
  noc_writes += o.noc_writes;
  noc_write_bytes += o.noc_write_bytes;
  read_barriers += o.read_barriers;
  write_barriers += o.write_barriers;
  writes_flushed += o.writes_flushed;
  cb_reserves += o.cb_reserves;
  cb_pushes += o.cb_pushes;
  cb_waits += o.cb_waits;
  cb_pops += o.cb_pops;
  fpu_tiles += o.fpu_tiles;
  sfpu_tiles += o.sfpu_tiles;
  packed_tiles += o.packed_tiles;
  return *this;
}

void record_run_stats(const Run& run, double wall_seconds, bool failed) {
  RunStats s;
  std::set<std::pair<std::uint32_t, std::uint32_t>> cores;
  for (const auto& t : run.threads) {
    KernelRunStats k;
    k.core_x = t->core->x;
    k.core_y = t->core->y;
    k.kernel = t->name;
    k.role = role_name(t->role);
    k.counters = t->counters;
    s.totals += t->counters;
    cores.insert({k.core_x, k.core_y});
    s.kernels.push_back(std::move(k));
  }
  std::sort(s.kernels.begin(), s.kernels.end(), [](const KernelRunStats& a, const KernelRunStats& b) {
    return std::tie(a.core_y, a.core_x, a.role) < std::tie(b.core_y, b.core_x, b.role);
  });
  s.num_cores = static_cast<std::uint32_t>(cores.size());
  s.num_threads = static_cast<std::uint32_t>(run.threads.size());
  s.wall_seconds = wall_seconds;
  s.failed = failed;
  s.warnings = run.warnings();
  std::lock_guard<std::mutex> lock(g_mu);
  g_last = std::move(s);
}

const RunStats& last_run_stats() {
  std::lock_guard<std::mutex> lock(g_mu);
  return g_last;
}

std::string format_stats(const RunStats& s) {
  std::ostringstream os;
  char line[256];
  std::snprintf(line, sizeof line, "%-8s %-24s %-8s %8s %10s %8s %10s %6s %6s %7s %7s %7s %7s %7s %7s %7s\n", "core",
                "kernel", "risc", "noc_rd", "rd_bytes", "noc_wr", "wr_bytes", "rd_bar", "wr_bar", "reserve", "push",
                "wait", "pop", "fpu", "sfpu", "pack");
  os << line;
  auto row = [&](const std::string& core, const std::string& kernel, const std::string& risc, const KernelCounters& c) {
    std::snprintf(line, sizeof line, "%-8s %-24s %-8s %8llu %10llu %8llu %10llu %6llu %6llu %7llu %7llu %7llu %7llu %7llu %7llu %7llu\n",
                  core.c_str(), kernel.substr(0, 24).c_str(), risc.c_str(),
                  static_cast<unsigned long long>(c.noc_reads), static_cast<unsigned long long>(c.noc_read_bytes),
                  static_cast<unsigned long long>(c.noc_writes), static_cast<unsigned long long>(c.noc_write_bytes),
                  static_cast<unsigned long long>(c.read_barriers), static_cast<unsigned long long>(c.write_barriers),
                  static_cast<unsigned long long>(c.cb_reserves), static_cast<unsigned long long>(c.cb_pushes),
                  static_cast<unsigned long long>(c.cb_waits), static_cast<unsigned long long>(c.cb_pops),
                  static_cast<unsigned long long>(c.fpu_tiles), static_cast<unsigned long long>(c.sfpu_tiles),
                  static_cast<unsigned long long>(c.packed_tiles));
    os << line;
  };
  for (const auto& k : s.kernels) {
    row("(" + std::to_string(k.core_x) + "," + std::to_string(k.core_y) + ")", k.kernel, k.role, k.counters);
  }
  row("total", std::to_string(s.num_cores) + " core(s), " + std::to_string(s.num_threads) + " thr", "", s.totals);
  std::snprintf(line, sizeof line, "run %s in %.3f s\n", s.failed ? "FAILED" : "ok", s.wall_seconds);
  os << line;
  return os.str();
}

void print_stats(std::ostream& os, const RunStats& stats) { os << format_stats(stats); }

}  // namespace tilesplit::emu
