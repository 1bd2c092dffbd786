// tilesplit-run's harness: fills the inputs from a seed, runs the annotated
// kernel on the CPU and the generated program on the emulator, and compares.
//
//   harness <runs-file> [--per-core=1] [--counters-json=FILE] [--repeat=N]
//           [--expect-row-sum=V] [--batch=1]
//
// The runs file has one run per line, tab-separated:
//   kernel  kernel_dir  seed  lo  hi  kind  grid  special  TENSOR=RxC...  SCALAR=V...
// where kind is "elementwise" or "accumulating" (which tolerance applies),
// grid is XxY or "-" (the emulator's default) and special the fraction of input
// elements that are special values (NaN, infinities, zeros, subnormals). The parameter lists come from
// the generated glue (kernel_glue()). With --batch=1 every run is reported
// under a header line, and --counters-json gets one JSON object per line per
// run, written as each run ends.
#include "device_session.hpp"

#include <tilesplit_emu/stats.hpp>

#include "tilesplit/Support/ParseValue.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>

using namespace tilesplit_run;

namespace {

struct Tolerance {
  double atol, rtol, scale_rtol, min_pcc;
};

// Elementwise: every value goes through at most a few bf16 roundings (inputs
// exact, DST and pack round to nearest even), so a few bf16 ulps of the value.
// Accumulating: a bf16 DST sum of K terms rounds at the magnitude of the
// running sum, so the error scales with the output's largest values, not with
// each (possibly cancelled) element; Pearson correlation catches real errors.
constexpr Tolerance Elementwise{1e-2, 2e-2, 0, 0.999};
constexpr Tolerance Accumulating{5e-2, 5e-2, 2e-2, 0.99};

float bf16_round(float v) {
  uint32_t u;
  std::memcpy(&u, &v, 4);
  if ((u & 0x7f800000u) == 0x7f800000u && (u & 0x7fffffu))
    return v;
  u += 0x7fffu + ((u >> 16) & 1u);
  u &= 0xffff0000u;
  float r;
  std::memcpy(&r, &u, 4);
  return r;
}

struct Comparison {
  double max_abs = 0, max_rel = 0, pcc = 1;
  size_t mismatches = 0, first_bad = SIZE_MAX;
};

Comparison compare(const std::vector<float> &dev, const std::vector<float> &ref,
                   const Tolerance &tol) {
  Comparison c;
  double scale = 0;
  for (float y : ref)
    if (std::isfinite(y))
      scale = std::max(scale, double(std::fabs(y)));
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  size_t n = 0;
  for (size_t i = 0; i < ref.size(); ++i) {
    double x = dev[i], y = ref[i];
    if (std::isnan(x) && std::isnan(y))
      continue;
    if (std::isinf(x) && std::isinf(y) && (x > 0) == (y > 0))
      continue;
    double err = std::fabs(x - y);
    if (!(err <= tol.atol + tol.rtol * std::fabs(y) + tol.scale_rtol * scale)) {
      ++c.mismatches;
      if (c.first_bad == SIZE_MAX)
        c.first_bad = i;
    }
    if (std::isfinite(err)) {
      c.max_abs = std::max(c.max_abs, err);
      if (std::fabs(y) > 1e-6)
        c.max_rel = std::max(c.max_rel, err / std::fabs(y));
    }
    if (std::isfinite(x) && std::isfinite(y)) {
      sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y; ++n;
    }
  }
  if (n > 1) {
    double cov = sxy - sx * sy / n, vx = sxx - sx * sx / n, vy = syy - sy * sy / n;
    c.pcc = (vx <= 1e-30 && vy <= 1e-30) ? 1.0
            : (vx <= 1e-30 || vy <= 1e-30) ? 0.0
                                           : cov / std::sqrt(vx * vy);
  }
  return c;
}

/// Counters summed over the cores, one row per kernel.
void print_kernel_totals(const tilesplit::emu::RunStats &stats) {
  std::map<std::string, std::pair<unsigned, tilesplit::emu::KernelCounters>> by_kernel;
  for (const auto &k : stats.kernels) {
    auto &entry = by_kernel[k.kernel];
    ++entry.first;
    entry.second += k.counters;
  }
  std::printf("counters over %u core(s) (--per-core for each core):\n", stats.num_cores);
  std::printf("%-12s %9s %9s %12s %9s %12s %9s %9s %9s %9s %9s %9s\n", "kernel", "noc rd",
              "rd bytes", "noc wr", "wr bytes", "barriers", "reserve", "push", "wait", "pop",
              "fpu", "sfpu");
  for (const auto &[name, entry] : by_kernel) {
    const auto &c = entry.second;
    std::printf("%-12s %9llu %9llu %12llu %9llu %12llu %9llu %9llu %9llu %9llu %9llu %9llu\n",
                name.c_str(), (unsigned long long)c.noc_reads,
                (unsigned long long)c.noc_read_bytes, (unsigned long long)c.noc_writes,
                (unsigned long long)c.noc_write_bytes,
                (unsigned long long)(c.read_barriers + c.write_barriers),
                (unsigned long long)c.cb_reserves, (unsigned long long)c.cb_pushes,
                (unsigned long long)c.cb_waits, (unsigned long long)c.cb_pops,
                (unsigned long long)c.fpu_tiles, (unsigned long long)c.sfpu_tiles);
  }
}

void json_counters(std::FILE *f, const tilesplit::emu::KernelCounters &c) {
  std::fprintf(f,
               "{\"noc_reads\": %llu, \"noc_read_bytes\": %llu, \"noc_writes\": %llu, "
               "\"noc_write_bytes\": %llu, \"read_barriers\": %llu, \"write_barriers\": %llu, "
               "\"writes_flushed\": %llu, \"cb_reserves\": %llu, \"cb_pushes\": %llu, "
               "\"cb_waits\": %llu, \"cb_pops\": %llu, \"fpu_tiles\": %llu, "
               "\"sfpu_tiles\": %llu, \"packed_tiles\": %llu}",
               (unsigned long long)c.noc_reads, (unsigned long long)c.noc_read_bytes,
               (unsigned long long)c.noc_writes, (unsigned long long)c.noc_write_bytes,
               (unsigned long long)c.read_barriers, (unsigned long long)c.write_barriers,
               (unsigned long long)c.writes_flushed, (unsigned long long)c.cb_reserves,
               (unsigned long long)c.cb_pushes, (unsigned long long)c.cb_waits,
               (unsigned long long)c.cb_pops, (unsigned long long)c.fpu_tiles,
               (unsigned long long)c.sfpu_tiles, (unsigned long long)c.packed_tiles);
}

/// The counters (per kernel summed over its cores, and totals) and the wall
/// time of every emulated run, for tools such as bench/ to read.
/// In a batch, one line per run (\p f opened for appending), with the kernel's
/// name and the run's status ("pass", "mismatch" or "error") first.
void write_stats_json(std::FILE *f, const tilesplit::emu::RunStats &stats,
                      const std::vector<double> &walls, bool match, const char *batch_status,
                      const std::string &kernel) {
  std::map<std::pair<std::string, std::string>, std::pair<unsigned, tilesplit::emu::KernelCounters>>
      by_kernel;
  for (const auto &k : stats.kernels) {
    auto &entry = by_kernel[{k.kernel, k.role}];
    ++entry.first;
    entry.second += k.counters;
  }
  const char *nl = batch_status ? "" : "\n";
  if (batch_status)
    std::fprintf(f, "{\"kernel\": \"%s\", \"status\": \"%s\", ", kernel.c_str(), batch_status);
  else
    std::fprintf(f, "{\n");
  std::fprintf(f, "  \"match\": %s,%s  \"num_cores\": %u,%s  \"num_threads\": %u,%s",
               match ? "true" : "false", nl, stats.num_cores, nl, stats.num_threads, nl);
  std::fprintf(f, "  \"wall_seconds\": [");
  for (size_t i = 0; i < walls.size(); ++i)
    std::fprintf(f, "%s%.6f", i ? ", " : "", walls[i]);
  std::fprintf(f, "],%s  \"totals\": ", nl);
  json_counters(f, stats.totals);
  std::fprintf(f, ",%s  \"kernels\": [", nl);
  bool first = true;
  for (const auto &[key, entry] : by_kernel) {
    std::fprintf(f, "%s%s    {\"kernel\": \"%s\", \"role\": \"%s\", \"cores\": %u, \"counters\": ",
                 first ? "" : ",", nl, key.first.c_str(), key.second.c_str(), entry.first);
    json_counters(f, entry.second);
    std::fprintf(f, "}");
    first = false;
  }
  std::fprintf(f, "%s  ]%s}\n", nl, nl);
}

} // namespace


namespace {

/// One line of the runs file.
struct RunSpec {
  std::string kernel, kernel_dir, kind, grid;
  unsigned seed = 1;
  float lo = -1, hi = 1;
  double special = 0; // fraction of input elements replaced by special values
  std::map<std::string, std::string> given; // NAME=VALUE: tensor sizes and scalar values
};

/// The harness's own options, common to every run.
struct Options {
  bool per_core = false, batch = false;
  unsigned repeat = 1;
  std::string counters_json;
  std::optional<double> expect_row_sum;
  std::string default_grid; // TILESPLIT_EMU_GRID as the harness started, or empty
};

std::vector<std::string> split(const std::string &line, char sep) {
  std::vector<std::string> fields;
  size_t begin = 0;
  for (size_t end; (end = line.find(sep, begin)) != std::string::npos; begin = end + 1)
    fields.push_back(line.substr(begin, end - begin));
  fields.push_back(line.substr(begin));
  return fields;
}

enum class Outcome { Pass, Mismatch, Error, Usage };

/// The special values --special-values mixes into the inputs: NaN and infinity of
/// both signs, both zeros, and subnormals (bf16's smallest and largest, and for
/// float tensors float-only ones too). Each is exact in the tensor's format.
float special_value(std::mt19937 &rng, bool float32) {
  static const uint32_t common[] = {0x7fc00000u, 0xffc00000u, 0x7f800000u, 0xff800000u,
                                    0x00000000u, 0x80000000u, 0x00010000u, 0x807f0000u,
                                    0x007f0000u, 0x80010000u};
  static const uint32_t float_only[] = {0x00000001u, 0x800116c2u}; // float subnormals
  const size_t n = sizeof common / sizeof common[0], m = float32 ? sizeof float_only / sizeof float_only[0] : 0;
  const size_t i = std::uniform_int_distribution<size_t>(0, n + m - 1)(rng);
  const uint32_t u = i < n ? common[i] : float_only[i - n];
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}

/// Fills the inputs from the run's seed, runs the reference and the emulated
/// program, compares and prints the report of one run.
Outcome run_one(const RunSpec &run, const KernelGlue &glue, const Options &opt,
                std::vector<double> &walls) {
  const Tolerance tol = run.kind == "accumulating" ? Accumulating : Elementwise;
  std::vector<TensorData> tensors = glue.tensor_parameters();
  std::vector<ScalarData> scalars = glue.scalar_parameters();
  for (const auto &[name, value] : run.given) {
    bool known = false;
    for (const TensorData &t : tensors)
      known |= t.name == name;
    for (const ScalarData &s : scalars)
      known |= s.name == name;
    if (!known) {
      std::fprintf(stderr, "tilesplit-run: error: the kernel has no parameter named '%s'\n",
                   name.c_str());
      return Outcome::Usage;
    }
  }
  std::mt19937 rng(run.seed);
  std::uniform_real_distribution<float> dist(run.lo, run.hi);
  // A stream of its own, so that the ordinary values are the same with and without.
  std::mt19937 special_rng(run.seed ^ 0x5bd1e995u);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  for (TensorData &t : tensors) {
    auto it = run.given.find(t.name);
    if (it == run.given.end()) {
      std::fprintf(stderr, "tilesplit-run: error: no size for tensor '%s'; pass --tensor %s=ROWSxCOLS\n",
                   t.name.c_str(), t.name.c_str());
      return Outcome::Usage;
    }
    if (const char *why = tilesplit::checkTensorSize(it->second, t.rows, t.cols)) {
      std::fprintf(stderr, "tilesplit-run: error: tensor '%s': invalid size '%s': %s\n",
                   t.name.c_str(), it->second.c_str(), why);
      return Outcome::Usage;
    }
    t.values.resize(size_t(t.rows) * t.cols);
    for (float &v : t.values) {
      v = t.float32 ? dist(rng) : bf16_round(dist(rng));
      if (run.special > 0 && coin(special_rng) < run.special)
        v = special_value(special_rng, t.float32);
    }
  }
  for (ScalarData &s : scalars) {
    auto it = run.given.find(s.name);
    std::optional<double> value = it != run.given.end() ? tilesplit::parseNumber(it->second) : 0.5;
    if (!value) {
      std::fprintf(stderr, "tilesplit-run: error: scalar '%s': invalid value '%s': not a finite number\n",
                   s.name.c_str(), it->second.c_str());
      return Outcome::Usage;
    }
    s.value = *value;
  }

  // The emulated grid is read when the device is created; "-" is the grid of
  // the harness's own environment.
  const std::string grid = run.grid != "-" ? run.grid : opt.default_grid;
  if (grid.empty())
    unsetenv("TILESPLIT_EMU_GRID");
  else
    setenv("TILESPLIT_EMU_GRID", grid.c_str(), 1);
  std::vector<TensorData> reference = tensors, device = tensors;
  try {
    glue.run_reference(reference, scalars);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "tilesplit-run: error: the CPU reference failed: %s\n", e.what());
    return Outcome::Error;
  }
  try {
    DeviceSession session(run.kernel_dir);
    for (unsigned r = 0; r < std::max(opt.repeat, 1u); ++r) {
      // Fresh buffers each time, so a kernel that updates a tensor in place
      // sees the same inputs in every run.
      session.buffers.clear();
      for (const TensorData &t : device)
        session.buffers.push_back(session.upload(t));
      glue.run_device(session, device, scalars);
      walls.push_back(tilesplit::emu::last_run_stats().wall_seconds);
    }
    for (size_t i = 0; i < device.size(); ++i)
      if (device[i].written)
        session.download(session.buffers[i], device[i]);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "tilesplit-run: error: the emulated run failed:\n%s\n", e.what());
    return Outcome::Error;
  }

  // A test hook: proves the comparison fails when the device result is wrong.
  if (std::getenv("TILESPLIT_RUN_CORRUPT_OUTPUT"))
    for (TensorData &t : device)
      if (t.written && !t.values.empty()) {
        float &v = t.values[t.values.size() / 2];
        v = std::isfinite(v) ? v + 1.0f : 0.0f; // a NaN or an infinity stays one under += 1
      }

  bool ok = true;
  std::printf("%-12s %14s %14s %12s  %s\n", "output", "max abs err", "max rel err", "pearson", "result");
  for (size_t i = 0; i < device.size(); ++i) {
    if (!device[i].written)
      continue;
    Comparison c = compare(device[i].values, reference[i].values, tol);
    bool pass = c.mismatches == 0 && c.pcc >= tol.min_pcc;
    ok &= pass;
    std::printf("%-12s %14.6g %14.6g %12.6f  %s\n", device[i].name.c_str(), c.max_abs, c.max_rel,
                c.pcc, pass ? "PASS" : "FAIL");
    if (c.mismatches) {
      size_t at = c.first_bad;
      std::printf("  %zu value(s) outside |dev - ref| <= %g + %g*|ref| + %g*max|ref|; first at (%zu, %zu): device %g, reference %g\n",
                  c.mismatches, tol.atol, tol.rtol, tol.scale_rtol, at / device[i].cols, at % device[i].cols,
                  device[i].values[at], reference[i].values[at]);
    }
    if (c.pcc < tol.min_pcc)
      std::printf("  pearson correlation %f is below %g\n", c.pcc, tol.min_pcc);
  }
  // A property of the result itself, beyond agreeing with the reference.
  if (opt.expect_row_sum) {
    const double want = *opt.expect_row_sum, within = 0.02;
    for (const TensorData &t : device) {
      if (!t.written)
        continue;
      double worst = 0;
      size_t worst_row = 0;
      for (size_t r = 0; r < t.rows; ++r) {
        double sum = 0;
        for (size_t c = 0; c < t.cols; ++c)
          sum += t.values[r * t.cols + c];
        if (std::fabs(sum - want) > worst) {
          worst = std::fabs(sum - want);
          worst_row = r;
        }
      }
      bool pass = worst <= within;
      ok &= pass;
      std::printf("%-12s rows sum to %g: largest deviation %g (row %zu)  %s\n", t.name.c_str(),
                  want, worst, worst_row, pass ? "PASS" : "FAIL");
    }
  }
  std::printf("\n");
  const tilesplit::emu::RunStats &stats = tilesplit::emu::last_run_stats();
  if (opt.per_core)
    tilesplit::emu::print_stats(std::cout, stats);
  else
    print_kernel_totals(stats);
  std::cout.flush();
  return ok ? Outcome::Pass : Outcome::Mismatch;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: harness <runs-file> [--per-core=1] [--counters-json=FILE] "
                         "[--repeat=N] [--expect-row-sum=V] [--batch=1]\n");
    return 2;
  }
  Options opt;
  if (const char *g = std::getenv("TILESPLIT_EMU_GRID"))
    opt.default_grid = g;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    size_t eq = a.find('=');
    std::string name = a.substr(0, eq), value = eq == std::string::npos ? "" : a.substr(eq + 1);
    // tilesplit-run passes only values it has checked; a bad one is its bug.
    bool bad = false;
    if (name == "--per-core") {
      opt.per_core = true;
    } else if (name == "--batch") {
      opt.batch = true;
    } else if (name == "--repeat") {
      std::optional<std::uint64_t> n = tilesplit::parseUnsigned(value, UINT32_MAX);
      bad = !n || !*n;
      opt.repeat = unsigned(n.value_or(1));
    } else if (name == "--counters-json") {
      opt.counters_json = value;
    } else if (name == "--expect-row-sum") {
      opt.expect_row_sum = tilesplit::parseNumber(value);
      bad = !opt.expect_row_sum;
    }
    if (bad) {
      std::fprintf(stderr, "tilesplit-run: error: harness: invalid value '%s' in '%s'\n",
                   value.c_str(), a.c_str());
      return 2;
    }
  }
  std::vector<RunSpec> runs;
  {
    std::ifstream in(argv[1]);
    if (!in) {
      std::fprintf(stderr, "tilesplit-run: error: cannot read %s\n", argv[1]);
      return 2;
    }
    for (std::string line; std::getline(in, line);) {
      std::vector<std::string> f = split(line, '\t');
      if (f.size() < 8)
        continue;
      RunSpec r;
      r.kernel = f[0];
      r.kernel_dir = f[1];
      // Checked by tilesplit-run already.
      std::optional<std::uint64_t> seed = tilesplit::parseUnsigned(f[2], UINT32_MAX);
      const char *why = seed ? tilesplit::checkFloatRange(f[3], f[4], r.lo, r.hi)
                             : "the seed is not an integer from 0 to 4294967295";
      if (why) {
        std::fprintf(stderr, "tilesplit-run: error: harness: bad run in %s: %s\n", argv[1], why);
        return 2;
      }
      r.seed = unsigned(*seed);
      r.kind = f[5];
      r.grid = f[6];
      std::optional<double> special = tilesplit::parseFraction(f[7]);
      if (!special) {
        std::fprintf(stderr, "tilesplit-run: error: harness: bad run in %s: the special-value rate is not a number from 0 to 1\n",
                     argv[1]);
        return 2;
      }
      r.special = *special;
      for (size_t i = 8; i < f.size(); ++i) {
        size_t eq = f[i].find('=');
        if (eq != std::string::npos)
          r.given[f[i].substr(0, eq)] = f[i].substr(eq + 1);
      }
      runs.push_back(std::move(r));
    }
  }

  std::FILE *json = nullptr;
  if (opt.batch && !opt.counters_json.empty() && !(json = std::fopen(opt.counters_json.c_str(), "w"))) {
    std::fprintf(stderr, "tilesplit-run: error: cannot write %s\n", opt.counters_json.c_str());
    return 2;
  }
  unsigned failed = 0;
  bool usage_error = false;
  for (const RunSpec &run : runs) {
    const KernelGlue *glue = nullptr;
    for (const KernelGlue &g : kernel_glue())
      if (run.kernel == g.name)
        glue = &g;
    if (!glue) {
      std::fprintf(stderr, "tilesplit-run: error: no kernel named '%s'\n", run.kernel.c_str());
      return 2;
    }
    if (opt.batch) {
      std::printf("=== kernel %s (seed %u, range %g:%g, grid %s, %s", run.kernel.c_str(),
                  run.seed, run.lo, run.hi, run.grid.c_str(), run.kind.c_str());
      if (run.special > 0)
        std::printf(", special values %g", run.special);
      std::printf(")\n");
      std::fflush(stdout);
    }
    std::vector<double> walls;
    const Outcome outcome = run_one(run, *glue, opt, walls);
    std::fflush(stdout);
    std::fflush(stderr);
    usage_error |= outcome == Outcome::Usage;
    failed += outcome != Outcome::Pass;
    const char *status = outcome == Outcome::Pass       ? "pass"
                         : outcome == Outcome::Mismatch ? "mismatch"
                                                        : "error";
    if (opt.batch) {
      std::printf("=== kernel %s: %s\n\n", run.kernel.c_str(), status);
      std::fflush(stdout);
      if (json) {
        if (outcome == Outcome::Pass || outcome == Outcome::Mismatch)
          write_stats_json(json, tilesplit::emu::last_run_stats(), walls,
                           outcome == Outcome::Pass, status, run.kernel);
        else
          std::fprintf(json, "{\"kernel\": \"%s\", \"status\": \"%s\"}\n", run.kernel.c_str(),
                       status);
        std::fflush(json);
      }
      continue;
    }
    if (outcome == Outcome::Usage)
      return 2;
    if (outcome == Outcome::Error)
      return 1;
    if (!opt.counters_json.empty()) {
      std::FILE *f = std::fopen(opt.counters_json.c_str(), "w");
      if (f)
        write_stats_json(f, tilesplit::emu::last_run_stats(), walls, outcome == Outcome::Pass,
                         nullptr, run.kernel);
      if (!f || std::fclose(f) != 0) {
        std::fprintf(stderr, "tilesplit-run: error: cannot write %s\n", opt.counters_json.c_str());
        return 2;
      }
    }
  }
  if (json && std::fclose(json) != 0) {
    std::fprintf(stderr, "tilesplit-run: error: cannot write %s\n", opt.counters_json.c_str());
    return 2;
  }
  if (opt.batch)
    std::printf("tilesplit-run: %zu run(s), %u failed\n", runs.size(), failed);
  std::printf("\n%s\n", failed == 0 ? "tilesplit-run: all outputs match the CPU reference"
                                    : "tilesplit-run: error: outputs differ from the CPU reference");
  return usage_error && runs.size() == 1 ? 2 : failed ? 1 : 0;
}
