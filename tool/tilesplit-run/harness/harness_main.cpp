// tilesplit-run's harness: fills the inputs from a seed, runs the annotated
// kernel on the CPU and the generated program on the emulator, and compares.
//
//   harness <kernel_dir> <seed> <lo> <hi> <kind> TENSOR=RxC... SCALAR=V...
//           [--per-core=1] [--counters-json=FILE] [--repeat=N]
//
// where kind is "elementwise" or "accumulating" (which tolerance applies). The
// parameter list itself comes from the generated glue (parameters()).
#include "device_session.hpp"

#include <tilesplit_emu/stats.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <random>
#include <stdexcept>

namespace tilesplit_run {
// From the generated glue: the kernel's parameters in order, with their formats.
std::vector<TensorData> tensor_parameters();
std::vector<ScalarData> scalar_parameters();
} // namespace tilesplit_run

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
bool write_stats_json(const std::string &path, const tilesplit::emu::RunStats &stats,
                      const std::vector<double> &walls, bool match) {
  std::FILE *f = std::fopen(path.c_str(), "w");
  if (!f)
    return false;
  std::map<std::pair<std::string, std::string>, std::pair<unsigned, tilesplit::emu::KernelCounters>>
      by_kernel;
  for (const auto &k : stats.kernels) {
    auto &entry = by_kernel[{k.kernel, k.role}];
    ++entry.first;
    entry.second += k.counters;
  }
  std::fprintf(f, "{\n  \"match\": %s,\n  \"num_cores\": %u,\n  \"num_threads\": %u,\n",
               match ? "true" : "false", stats.num_cores, stats.num_threads);
  std::fprintf(f, "  \"wall_seconds\": [");
  for (size_t i = 0; i < walls.size(); ++i)
    std::fprintf(f, "%s%.6f", i ? ", " : "", walls[i]);
  std::fprintf(f, "],\n  \"totals\": ");
  json_counters(f, stats.totals);
  std::fprintf(f, ",\n  \"kernels\": [");
  bool first = true;
  for (const auto &[key, entry] : by_kernel) {
    std::fprintf(f, "%s\n    {\"kernel\": \"%s\", \"role\": \"%s\", \"cores\": %u, \"counters\": ",
                 first ? "" : ",", key.first.c_str(), key.second.c_str(), entry.first);
    json_counters(f, entry.second);
    std::fprintf(f, "}");
    first = false;
  }
  std::fprintf(f, "\n  ]\n}\n");
  return std::fclose(f) == 0;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 6) {
    std::fprintf(stderr, "usage: harness <kernel_dir> <seed> <lo> <hi> <kind> NAME=VALUE...\n");
    return 2;
  }
  std::string kernel_dir = argv[1];
  unsigned seed = std::stoul(argv[2]);
  float lo = std::stof(argv[3]), hi = std::stof(argv[4]);
  Tolerance tol = std::strcmp(argv[5], "accumulating") == 0 ? Accumulating : Elementwise;
  std::map<std::string, std::string> given;
  for (int i = 6; i < argc; ++i) {
    std::string a = argv[i];
    size_t eq = a.find('=');
    if (eq != std::string::npos)
      given[a.substr(0, eq)] = a.substr(eq + 1);
  }

  std::vector<TensorData> tensors = tensor_parameters();
  std::vector<ScalarData> scalars = scalar_parameters();
  for (const auto &[name, value] : given) {
    bool known = name.rfind("--", 0) == 0; // the harness's own options
    for (const TensorData &t : tensors)
      known |= t.name == name;
    for (const ScalarData &s : scalars)
      known |= s.name == name;
    if (!known) {
      std::fprintf(stderr, "tilesplit-run: error: the kernel has no parameter named '%s'\n",
                   name.c_str());
      return 2;
    }
  }
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> dist(lo, hi);
  for (TensorData &t : tensors) {
    auto it = given.find(t.name);
    if (it == given.end()) {
      std::fprintf(stderr, "tilesplit-run: error: no size for tensor '%s'; pass --tensor %s=ROWSxCOLS\n",
                   t.name.c_str(), t.name.c_str());
      return 2;
    }
    if (std::sscanf(it->second.c_str(), "%ux%u", &t.rows, &t.cols) != 2 || t.rows % 32 ||
        t.cols % 32 || !t.rows || !t.cols) {
      std::fprintf(stderr, "tilesplit-run: error: tensor '%s': size '%s' is not ROWSxCOLS in multiples of 32\n",
                   t.name.c_str(), it->second.c_str());
      return 2;
    }
    t.values.resize(size_t(t.rows) * t.cols);
    for (float &v : t.values)
      v = t.float32 ? dist(rng) : bf16_round(dist(rng));
  }
  for (ScalarData &s : scalars) {
    auto it = given.find(s.name);
    s.value = it != given.end() ? std::stod(it->second) : 0.5;
  }

  const unsigned repeat = given.count("--repeat") ? std::stoul(given["--repeat"]) : 1;
  std::vector<double> walls;

  std::vector<TensorData> reference = tensors, device = tensors;
  try {
    run_reference(reference, scalars);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "tilesplit-run: error: the CPU reference failed: %s\n", e.what());
    return 1;
  }
  try {
    DeviceSession session(kernel_dir);
    for (unsigned r = 0; r < std::max(repeat, 1u); ++r) {
      // Fresh buffers each time, so a kernel that updates a tensor in place
      // sees the same inputs in every run.
      session.buffers.clear();
      for (const TensorData &t : device)
        session.buffers.push_back(session.upload(t));
      run_device(session, device, scalars);
      walls.push_back(tilesplit::emu::last_run_stats().wall_seconds);
    }
    for (size_t i = 0; i < device.size(); ++i)
      if (device[i].written)
        session.download(session.buffers[i], device[i]);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "tilesplit-run: error: the emulated run failed:\n%s\n", e.what());
    return 1;
  }

  // A test hook: proves the comparison fails when the device result is wrong.
  if (std::getenv("TILESPLIT_RUN_CORRUPT_OUTPUT"))
    for (TensorData &t : device)
      if (t.written && !t.values.empty())
        t.values[t.values.size() / 2] += 1.0f;

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
  if (auto it = given.find("--expect-row-sum"); it != given.end()) {
    const double want = std::stod(it->second), within = 0.02;
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
  if (given.count("--per-core"))
    tilesplit::emu::print_stats(std::cout, stats);
  else
    print_kernel_totals(stats);
  std::cout.flush();
  if (given.count("--counters-json") && !write_stats_json(given["--counters-json"], stats, walls, ok)) {
    std::fprintf(stderr, "tilesplit-run: error: cannot write %s\n", given["--counters-json"].c_str());
    return 2;
  }
  std::printf("\n%s\n", ok ? "tilesplit-run: all outputs match the CPU reference"
                           : "tilesplit-run: error: outputs differ from the CPU reference");
  return ok ? 0 : 1;
}
