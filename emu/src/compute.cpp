// Device API: the compute engine. DST is 16 float tile slots in the hardware's face layout; a kernel
// may use `capacity` of them (8 in half-sync mode, 4 with fp32_dest_acc_en, doubled in full-sync).
// Without fp32_dest_acc_en every value written to DST is rounded to bfloat16, as the 16-bit DST does.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "config.hpp"
#include "numerics.hpp"
#include "run.hpp"

namespace tilesplit::emu::dev {

namespace {

using Phase = ComputeState::Phase;

KernelThread& enter() {
  KernelThread& t = current_thread();
  t.run->check_abort();
  return t;
}

ComputeState& cstate(KernelThread& t, const char* api, std::uint32_t line) {
  if (!t.compute) t.run->fail(t, line, std::string(api) + " called from a data-movement kernel");
  return *t.compute;
}

const char* phase_text(Phase p) {
  switch (p) {
    case Phase::idle: return "not acquired";
    case Phase::math: return "acquired for math";
    case Phase::committed: return "committed";
    case Phase::pack: return "waited for packing";
    case Phase::legacy: return "acquired by acquire_dst";
  }
  return "?";
}

bool profile_02() { return api_profile() == ApiProfile::v2026_02; }

const char* startup_names() {
  return profile_02() ? "compute_kernel_hw_startup, binary_op_init_common, init_sfpu or mm_init"
                      : "compute_kernel_hw_startup or init_sfpu";
}

void require_started(KernelThread& t, ComputeState& c, const char* api, std::uint32_t line) {
  if (!c.started) {
    t.run->fail(t, line, std::string(api) + " before the hardware start-up (call " + startup_names() +
                             " once at the top of the kernel)");
  }
}

// Checks that math may write DST slot `idx` now.
void check_math_dst(KernelThread& t, ComputeState& c, std::uint32_t idx, const char* api, std::uint32_t line) {
  if (c.phase != Phase::math && c.phase != Phase::legacy) {
    t.run->fail(t, line, std::string(api) + ": DST used outside tile_regs_acquire/tile_regs_commit (DST is " +
                             phase_text(c.phase) + ")");
  }
  if (idx >= c.capacity) {
    t.run->fail(t, line, std::string(api) + ": DST index " + std::to_string(idx) + " out of range: DST holds " +
                             std::to_string(c.capacity) + " tiles in this mode (8 in half-sync, 4 with " +
                             "fp32_dest_acc_en; doubled with dst_full_sync_en)");
  }
}

float to_dst(const ComputeState& c, float v) { return c.fp32 ? v : round_to_bf16(v); }
float* slot(ComputeState& c, std::uint32_t idx) { return c.dst.data() + idx * kTileElems; }

// Ops that unpack one CB (reuse_dest's other operand comes from DST).
bool reads_one_cb(FpuOp op) {
  return op == FpuOp::copy || op == FpuOp::transpose || op == FpuOp::unary_bcast || op == FpuOp::reuse_dest;
}

std::string cbs_text(FpuOp op, std::uint32_t cb0, std::uint32_t cb1) {
  if (reads_one_cb(op)) return cb_name(cb0);
  return cb_name(cb0) + ", " + cb_name(cb1);
}

// The init a profile expects before `op`, for messages.
std::string expected_init(FpuOp op, std::uint32_t cb0, std::uint32_t cb1) {
  const bool old = profile_02();
  const std::string cbs = "(" + cbs_text(op, cb0, cb1) + ")";
  switch (op) {
    case FpuOp::copy: return (old ? "copy_tile_init" : "copy_init") + cbs;
    case FpuOp::add: return (old ? "add_tiles_init" : "add_init") + cbs;
    case FpuOp::sub: return (old ? "sub_tiles_init" : "sub_init") + cbs;
    case FpuOp::mul: return (old ? "mul_tiles_init" : "mul_init") + cbs;
    case FpuOp::matmul: return (old ? "mm_init_short" : "matmul_init") + cbs;
    case FpuOp::reduce: return "reduce_init<...>" + cbs;
    case FpuOp::bcast: return (old ? "init_bcast<...> / *_bcast_*_init_short" : "bcast_init<...>") + cbs;
    case FpuOp::transpose: return (old ? "transpose_wh_init_short" : "transpose_init") + cbs;
    case FpuOp::unary_bcast: return (old ? "unary_bcast_init<...>(" + cb_name(cb0) + ", ocb)" : "unary_bcast_init<...>" + cbs);
    case FpuOp::reuse_dest: return (old ? "binary_dest_reuse_tiles_init<...>" : "<op>_reuse_dest_init<...>") + cbs;
    case FpuOp::none: break;
  }
  return "?";
}

// Element (r, col) of tile `b` broadcast along BroadcastType `bdim` (ROW: its first row, COL: its
// first column, SCALAR: its first element, NONE: itself).
float broadcast_element(const float* b, std::uint32_t bdim, std::uint32_t r, std::uint32_t col) {
  switch (bdim) {
    case 1: return b[tile_index(r, 0)];
    case 2: return b[tile_index(0, col)];
    case 3: return b[0];
    default: return b[tile_index(r, col)];
  }
}

// x op y for an EltwiseBinaryType, before result().
float eltwise_binary(std::uint32_t elw, float x, float y) {
  switch (elw) {
    case 0: return x * y;
    case 1: return x / y;
    case 2: return x + y;
    case 3: return x - y;
    default: return x < y ? 1.0f : 0.0f;
  }
}

// Reads tile `tile` of CB `cb` (which must be within the pages waited for) into `out` as floats.
void unpack(KernelThread& t, std::uint32_t cb, std::uint32_t tile, float* out, const char* api, std::uint32_t line) {
  const std::uint32_t num_cbs = t.run->device.arch().num_cbs;
  if (cb >= num_cbs || !t.core->cbs[cb].configured) {
    t.run->fail(t, line, std::string(api) + ": cb " + cb_name(cb) + " is not configured on this core");
  }
  CbState& c = t.core->cbs[cb];
  std::uint32_t addr;
  {
    std::lock_guard<std::mutex> lock(t.run->mu);
    if (tile >= c.waited) {
      t.run->fail_locked(t, line, std::string(api) + ": cb " + cb_name(cb) + ": reads tile " + std::to_string(tile) +
                                      " but only " + std::to_string(c.waited) +
                                      " page(s) were waited for (missing cb_wait_front?)");
    }
    addr = c.read_page_addr(tile);
  }
  const std::uint8_t* p = t.core->l1 + addr;
  switch (c.format) {
    case tt::DataFormat::Float16_b:
      for (std::uint32_t i = 0; i < kTileElems; ++i) {
        std::uint16_t v;
        std::memcpy(&v, p + 2 * i, 2);
        out[i] = operand(bf16_to_float(v));
      }
      break;
    case tt::DataFormat::Float32:
      std::memcpy(out, p, 4 * kTileElems);
      for (std::uint32_t i = 0; i < kTileElems; ++i) out[i] = operand(out[i]);
      break;
    default:
      t.run->fail(t, line, std::string(api) + ": cb " + cb_name(cb) + ": data format " + format_name(c.format) +
                               " is not supported by the emulator's compute engine (Float16_b, Float32)");
  }
}

// FPU ops need the matching op init since the last FPU init (see docs/generated-code.md, "The init model").
void check_fpu_config(KernelThread& t, ComputeState& c, FpuOp op, std::uint32_t variant, std::uint32_t cb0,
                      std::uint32_t cb1, const char* api, std::uint32_t line) {
  require_started(t, c, api, line);
  const auto& f = c.fpu;
  const bool same_cbs = reads_one_cb(op) ? f.cb0 == cb0 : (f.cb0 == cb0 && f.cb1 == cb1);
  if (f.op == op && f.variant == variant && same_cbs) return;
  std::string msg = std::string(api) + "(" + cbs_text(op, cb0, cb1) + ") without its init: needs " +
                    expected_init(op, cb0, cb1);
  if (f.op == FpuOp::none) {
    msg += " (no FPU op init since the start-up)";
  } else {
    msg += std::string(" since the last FPU init, which was ") + f.api + "(" + cbs_text(f.op, f.cb0, f.cb1) +
           ") at line " + std::to_string(f.line);
  }
  t.run->fail(t, line, msg);
}

// The SFPU's unary math, exact float math with the hardware's special values (numerics.hpp): the
// operand is read as operand(), a computed value written as result(). Where a case differs from
// the C library it is the LLK's (docs/emulator.md#special-values; the CPU reference has the same).
// The formula of each op (float math, before result()).
float sfpu_unary_formula(SfpuOp op, float x, float s);

float sfpu_unary_math(SfpuOp op, float x, float s) {
  x = operand(x);
  s = operand(s);
  switch (op) {
    // Sign-bit operations keep a NaN's bits.
    case SfpuOp::relu: return sign_bit(x) ? 0.0f : x;  // ckernel_sfpu_relu.h: SFPSWAP max with +0
    case SfpuOp::abs: return is_nan(x) ? x : std::fabs(x);  // SFPABS leaves -NaN as it is
    case SfpuOp::negative: return x == 0.0f ? 0.0f : -x;    // SFPMOV flips the sign bit
    case SfpuOp::fill: return s;
    // A NaN acts as an infinity of its sign (ckernel_sfpu_exp.h clamps x/ln2 + 127 to [0, 255]
    // with SFPSWAP; sigmoid is recip(1 + exp(-x)); gelu's exact path returns x for x >= 3 and 0
    // below -5.5).
    case SfpuOp::exp:
      if (is_nan(x)) return sign_bit(x) ? 0.0f : INFINITY;
      break;
    case SfpuOp::sigmoid:
      if (is_nan(x)) return sign_bit(x) ? 0.0f : 1.0f;
      break;
    case SfpuOp::gelu:
      if (is_nan(x)) return sign_bit(x) ? 0.0f : bits_to_float(kQuietNan);
      if (x == -INFINITY) return 0.0f;
      break;
    case SfpuOp::gelu_lut:
      // Assumed: the two multiply-adds carry a NaN through, and infinities follow IEEE there
      // (+inf gives +inf, -inf gives -inf/2 + inf/2, a NaN).
      if (is_nan(x)) return bits_to_float(kQuietNan);
      break;
    // ckernel_sfpu_recip.h scales by a power of two from the exponent: 0 for exponent 255.
    case SfpuOp::recip:
      if (is_nan(x)) return 0.0f;
      break;
    default: break;
  }
  return result(sfpu_unary_formula(op, x, s));
}

// A 16-bit LUT register value as SFPLUTFP32 reads it: FP16 (1 sign, 5 exponent, 10 mantissa
// bits), exponent 31 read as zero (tt-isa-documentation SFPLUTFP32.md; ttsim Lut16ToFp32).
float lut_fp16(std::uint16_t h) {
  const std::uint32_t e = (h >> 10) & 31u, m = h & 1023u;
  const float mag = e == 31 || (e == 0 && m == 0) ? 0.0f
                    : e == 0                       ? std::ldexp(float(m), -24)
                                                   : std::ldexp(1.0f + float(m) / 1024.0f, int(e) - 15);
  return (h & 0x8000u) ? -mag : mag;
}

// tt-metal's default GELU (gelu_tile<true>, _calculate_gelu_appx_): x/2 + A*|x| + B, with the
// slope A and intercept B of |x|'s range among [0, 0.5), [0.5, 1), [1, 1.5), [1.5, 2), [2, 3)
// and [3, inf), as _init_gelu_ loads them into the LUT registers (tt-llk ckernel_sfpu_gelu.h;
// docs/hardware-numerics.md section 3.2 lists the values).
float gelu_lookup_table(float x) {
  static const std::uint16_t kSlope[6] = {0x322B, 0x37E7, 0x38F3, 0x38E1, 0x3852, 0x3800};
  static const std::uint16_t kIntercept[6] = {0x86D8, 0xB122, 0xB479, 0xB437, 0xAFA4, 0x7C00};
  const float ax = std::fabs(x);
  const int range = ax < 0.5f ? 0 : ax < 1.0f ? 1 : ax < 1.5f ? 2 : ax < 2.0f ? 3 : ax < 3.0f ? 4 : 5;
  const float r = std::fma(lut_fp16(kSlope[range]), ax, lut_fp16(kIntercept[range]));
  return std::fma(x, 0.5f, r);
}

float sfpu_unary_formula(SfpuOp op, float x, float s) {
  switch (op) {
    case SfpuOp::exp: return std::exp(x);
    case SfpuOp::log: return std::log(x);
    case SfpuOp::sqrt: return std::sqrt(x);
    case SfpuOp::rsqrt: return 1.0f / std::sqrt(x);
    case SfpuOp::recip: return 1.0f / x;
    case SfpuOp::relu_max: return std::min(std::max(x, 0.0f), s);
    case SfpuOp::relu_min: return x < s ? 0.0f : x;
    case SfpuOp::leaky_relu: return x < 0.0f ? x * s : x;
    case SfpuOp::gelu: return 0.5f * x * (1.0f + std::erf(x / std::sqrt(2.0f)));
    case SfpuOp::gelu_lut: return gelu_lookup_table(x);
    case SfpuOp::gelu_tanh:
      return 0.5f * x * (1.0f + std::tanh(std::sqrt(2.0f / 3.14159265358979f) * (x + 0.044715f * x * x * x)));
    case SfpuOp::sigmoid: return 1.0f / (1.0f + std::exp(-x));
    case SfpuOp::tanh: return std::tanh(x);
    case SfpuOp::square: return x * x;
    case SfpuOp::silu: return x / (1.0f + std::exp(-x));
    case SfpuOp::power: return std::pow(x, s);
    case SfpuOp::sin: return std::sin(x);
    case SfpuOp::cos: return std::cos(x);
    case SfpuOp::scalar_add: return x + s;
    case SfpuOp::scalar_sub: return x - s;
    case SfpuOp::scalar_mul: return x * s;
    case SfpuOp::scalar_div: return x / s;
    case SfpuOp::scalar_rsub: return s - x;
    default: return x;
  }
}

float sfpu_binary_raw(SfpuOp op, float a, float b);

// The SFPU's binary math: operands read as operand(), the result written as result().
float sfpu_binary_math(SfpuOp op, float a, float b) { return result(sfpu_binary_raw(op, operand(a), operand(b))); }

float sfpu_binary_raw(SfpuOp op, float a, float b) {
  switch (op) {
    case SfpuOp::binary_add: return a + b;
    case SfpuOp::binary_sub: return a - b;
    case SfpuOp::binary_mul: return a * b;
    case SfpuOp::binary_div: return a / b;
    case SfpuOp::binary_rsub: return b - a;
    case SfpuOp::binary_power: return std::pow(a, b);
    default: return a;
  }
}

}  // namespace

// ---- DST protocol ----------------------------------------------------------------------------------

void tile_regs(RegCall call, std::uint32_t line) {
  KernelThread& t = enter();
  static const char* const names[] = {"tile_regs_acquire", "tile_regs_commit", "tile_regs_wait",
                                      "tile_regs_release", "acquire_dst",       "release_dst"};
  const char* api = names[static_cast<int>(call)];
  ComputeState& c = cstate(t, api, line);
  auto expect = [&](Phase want, const char* missing) {
    if (c.phase != want) {
      t.run->fail(t, line, std::string(api) + " while DST is " + phase_text(c.phase) +
                               (c.phase_line != 0 ? " (since line " + std::to_string(c.phase_line) + ")" : "") +
                               " (missing " + missing + "?)");
    }
  };
  auto release = [&] {
    std::fill(c.dst.begin(), c.dst.end(), 0.0f);  // the packer clears the DST half it releases
    c.fresh.fill(true);
  };
  switch (call) {
    case RegCall::acquire: expect(Phase::idle, "tile_regs_release"); c.phase = Phase::math; break;
    case RegCall::commit: expect(Phase::math, "tile_regs_acquire"); c.phase = Phase::committed; break;
    case RegCall::wait: expect(Phase::committed, "tile_regs_commit"); c.phase = Phase::pack; break;
    case RegCall::release:
      expect(Phase::pack, "tile_regs_wait");
      release();
      c.phase = Phase::idle;
      break;
    case RegCall::acquire_dst: expect(Phase::idle, "release_dst"); c.phase = Phase::legacy; break;
    case RegCall::release_dst:
      // On hardware release_dst is MATH's section-done followed by PACK's (tile_regs_commit and
      // tile_regs_release in one). Once DST is released, math and pack each mark one more, empty,
      // section done, in step: the packer clears the next half and both flip to it, and the kernel
      // goes on as if it had acquired and released an unused section. tt-metal's vecadd_multi_core
      // example ends each tile this way.
      if (c.phase == Phase::idle) {
        t.run->warn(t, line, "release_dst while DST is not acquired: math and pack each pass one empty DST "
                             "section (it works on hardware, but the call releases nothing; remove it, or "
                             "pair it with acquire_dst)");
        release();
        break;
      }
      expect(Phase::legacy, "acquire_dst");
      release();
      c.phase = Phase::idle;
      break;
  }
  c.phase_line = c.phase == Phase::idle ? 0 : line;
}

void not_emulated(const char* what, std::uint32_t line) {
  KernelThread& t = enter();
  t.run->fail(t, line, std::string(what) + " is not emulated");
}

// ---- start-up and FPU inits -----------------------------------------------------------------------------

void hw_startup(const char* api, std::uint32_t line) {
  KernelThread& t = enter();
  ComputeState& c = cstate(t, api, line);
  c.started = true;
  c.fpu = {};
  c.reduce_needs_uninit = false;
}

void fpu_init(FpuOp op, std::uint32_t variant, std::uint32_t cb0, std::uint32_t cb1, std::uint32_t flags,
              const char* api, std::uint32_t line) {
  KernelThread& t = enter();
  ComputeState& c = cstate(t, api, line);
  require_started(t, c, api, line);
  if (c.reduce_needs_uninit && op != FpuOp::reduce) {
    t.run->fail(t, line, std::string(api) + " after reduce_init (line " + std::to_string(c.fpu.line) +
                             ") without reduce_uninit (the packer keeps the reduce configuration)");
  }
  c.fpu = {op, variant, cb0, cb1, flags, api, line};
  if (op == FpuOp::reduce) c.reduce_needs_uninit = true;
}

void reduce_uninit(std::uint32_t line) {
  KernelThread& t = enter();
  ComputeState& c = cstate(t, "reduce_uninit", line);
  c.reduce_needs_uninit = false;
  if (c.fpu.op == FpuOp::reduce) c.fpu = {};
}

// ---- FPU tile ops --------------------------------------------------------------------------------------

void fpu_tile(FpuOp op, std::uint32_t variant, std::uint32_t cb0, std::uint32_t cb1, std::uint32_t tile0,
              std::uint32_t tile1, std::uint32_t dst, const char* api, std::uint32_t line) {
  KernelThread& t = enter();
  ComputeState& c = cstate(t, api, line);
  check_fpu_config(t, c, op, variant, cb0, cb1, api, line);
  check_math_dst(t, c, dst, api, line);
  float* a = c.a.data();
  float* b = c.b.data();
  float* d = slot(c, dst);
  if (op == FpuOp::reuse_dest) {
    // The DST tile moves into SrcA (DEST_TO_SRCA) or SrcB (DEST_TO_SRCB), the CB's tile unpacks
    // into the other source (tt-llk llk_unpack_A with binary_reuse_dest).
    const bool dest_to_srca = variant % 4 == 1;
    unpack(t, cb0, tile0, dest_to_srca ? b : a, api, line);
    for (std::uint32_t i = 0; i < kTileElems; ++i) (dest_to_srca ? a : b)[i] = operand(d[i]);
  } else {
    unpack(t, cb0, tile0, a, api, line);
    if (!reads_one_cb(op)) unpack(t, cb1, tile1, b, api, line);
  }
  switch (op) {
    case FpuOp::copy:
      for (std::uint32_t i = 0; i < kTileElems; ++i) d[i] = to_dst(c, a[i]);
      break;
    case FpuOp::add:
    case FpuOp::sub:
    case FpuOp::mul:
      for (std::uint32_t i = 0; i < kTileElems; ++i) {
        const float v = op == FpuOp::add ? a[i] + b[i] : op == FpuOp::sub ? a[i] - b[i] : a[i] * b[i];
        d[i] = to_dst(c, result(v));
      }
      break;
    case FpuOp::matmul: {
      // DST += A x B (B transposed if the init asked for it), over the face layout.
      const bool transpose_b = c.fpu.flags != 0;
      for (std::uint32_t r = 0; r < 32; ++r) {
        for (std::uint32_t col = 0; col < 32; ++col) {
          float acc = 0.0f;
          for (std::uint32_t k = 0; k < 32; ++k) {
            acc = result(acc + result(a[tile_index(r, k)] * b[transpose_b ? tile_index(col, k) : tile_index(k, col)]));
          }
          float& out = d[tile_index(r, col)];
          out = to_dst(c, result(out + acc));
        }
      }
      break;
    }
    case FpuOp::reduce: {
      const std::uint32_t pool = variant / 4, dim = variant % 4;  // PoolType, ReduceDim
      const float scaler = b[0];
      const bool is_max = pool == 2;
      // MAX keeps the largest value in the sign-magnitude total order, as GMPOOL does (a +NaN
      // always wins, a -NaN never unless alone), and takes the elements as they are: GMPOOL
      // requires a scaler of 1 (ttsim), so only another scaler multiplies. SUM adds in float.
      auto combine = [&](float& out, float v) {
        out = to_dst(c, is_max ? (c.fresh[dst] ? v : order_max(out, v)) : result(out + v));
      };
      auto value = [&](std::uint32_t r, std::uint32_t col) {
        const float x = a[tile_index(r, col)];
        return is_max && scaler == 1.0f ? x : result(x * scaler);
      };
      auto step = [&](float acc, float v) { return is_max ? order_max(acc, v) : result(acc + v); };
      if (dim == 0) {  // REDUCE_ROW: one value per row, in column 0
        for (std::uint32_t r = 0; r < 32; ++r) {
          float acc = is_max ? value(r, 0) : 0.0f;
          for (std::uint32_t col = 0; col < 32; ++col) acc = step(acc, value(r, col));
          combine(d[tile_index(r, 0)], acc);
        }
      } else if (dim == 1) {  // REDUCE_COL: one value per column, in row 0
        for (std::uint32_t col = 0; col < 32; ++col) {
          float acc = is_max ? value(0, col) : 0.0f;
          for (std::uint32_t r = 0; r < 32; ++r) acc = step(acc, value(r, col));
          combine(d[tile_index(0, col)], acc);
        }
      } else {  // REDUCE_SCALAR: one value, at [0][0]
        float acc = is_max ? value(0, 0) : 0.0f;
        for (std::uint32_t r = 0; r < 32; ++r) {
          for (std::uint32_t col = 0; col < 32; ++col) acc = step(acc, value(r, col));
        }
        combine(d[0], acc);
      }
      break;
    }
    case FpuOp::bcast: {
      const std::uint32_t elw = variant / 4, bdim = variant % 4;  // EltwiseBinaryType, BroadcastType
      for (std::uint32_t r = 0; r < 32; ++r) {
        for (std::uint32_t col = 0; col < 32; ++col) {
          const float v = eltwise_binary(elw, a[tile_index(r, col)], broadcast_element(b, bdim, r, col));
          d[tile_index(r, col)] = to_dst(c, result(v));
        }
      }
      break;
    }
    case FpuOp::unary_bcast:  // the CB's tile broadcast into DST (a copy through SrcB, MOVB2D)
      for (std::uint32_t r = 0; r < 32; ++r) {
        for (std::uint32_t col = 0; col < 32; ++col) d[tile_index(r, col)] = to_dst(c, broadcast_element(a, variant, r, col));
      }
      break;
    case FpuOp::reuse_dest:  // SrcA op SrcB into the same DST tile
      for (std::uint32_t i = 0; i < kTileElems; ++i) d[i] = to_dst(c, result(eltwise_binary(variant / 4, a[i], b[i])));
      break;
    case FpuOp::transpose:
      for (std::uint32_t r = 0; r < 32; ++r) {
        for (std::uint32_t col = 0; col < 32; ++col) d[tile_index(r, col)] = to_dst(c, a[tile_index(col, r)]);
      }
      break;
    case FpuOp::none: break;
  }
  c.fresh[dst] = false;
  ++t.counters.fpu_tiles;
}

// ---- SFPU -----------------------------------------------------------------------------------------------

void sfpu_init(SfpuOp init, const char* api, std::uint32_t line) {
  KernelThread& t = enter();
  ComputeState& c = cstate(t, api, line);
  require_started(t, c, api, line);
  c.sfpu = {true, init, api, line};
}

namespace {
void check_sfpu_config(KernelThread& t, ComputeState& c, SfpuOp init, const char* api, const char* init_api,
                       std::uint32_t line) {
  require_started(t, c, api, line);
  if (c.sfpu.valid && c.sfpu.init == init) return;
  std::string msg = std::string(api) + " without " + init_api;
  if (c.sfpu.valid) {
    msg += std::string(" since the last SFPU init, which was ") + c.sfpu.api + "() at line " + std::to_string(c.sfpu.line);
  } else {
    msg += " (no SFPU init since the start-up)";
  }
  t.run->fail(t, line, msg);
}
}  // namespace

void sfpu_unary(SfpuOp op, SfpuOp init, std::uint32_t dst, std::uint32_t param_bits, const char* api,
                const char* init_api, std::uint32_t line) {
  KernelThread& t = enter();
  ComputeState& c = cstate(t, api, line);
  check_sfpu_config(t, c, init, api, init_api, line);
  check_math_dst(t, c, dst, api, line);
  const float s = bits_to_float(param_bits);
  float* d = slot(c, dst);
  for (std::uint32_t i = 0; i < kTileElems; ++i) d[i] = to_dst(c, sfpu_unary_math(op, d[i], s));
  c.fresh[dst] = false;
  ++t.counters.sfpu_tiles;
}

void sfpu_binary(SfpuOp op, std::uint32_t dst0, std::uint32_t dst1, std::uint32_t odst, const char* api,
                 const char* init_api, std::uint32_t line) {
  KernelThread& t = enter();
  ComputeState& c = cstate(t, api, line);
  check_sfpu_config(t, c, op, api, init_api, line);
  check_math_dst(t, c, dst0, api, line);
  check_math_dst(t, c, dst1, api, line);
  check_math_dst(t, c, odst, api, line);
  const float* x = slot(c, dst0);
  const float* y = slot(c, dst1);
  float* out = slot(c, odst);
  for (std::uint32_t i = 0; i < kTileElems; ++i) out[i] = to_dst(c, sfpu_binary_math(op, x[i], y[i]));
  c.fresh[odst] = false;
  ++t.counters.sfpu_tiles;
}

// ---- pack ------------------------------------------------------------------------------------------------

namespace {
// The L1 address pack_tile writes, as tt-llk's get_output_tile_address computes it: the CB's write
// pointer plus, by default, one page per pack_tile since the last cb_push_back (output_tile_index
// is ignored), or, with pack_tile<true> (out_of_order_output), plus output_tile_index pages. The
// packer checks nothing; the emulator fails where silicon would write where it must not.
std::uint32_t pack_page_addr(KernelThread& t, CbState& cbs, std::uint32_t out_index, bool out_of_order,
                             std::uint32_t line) {
  std::lock_guard<std::mutex> lock(t.run->mu);
  const std::uint32_t page = out_of_order ? out_index : cbs.packed++;
  const std::string what = "cb " + cb_name(cbs.index) + ": pack_tile to page " + std::to_string(page) +
                           (out_of_order ? "" : " (pack_tile number " + std::to_string(page + 1) + " since the last cb_push_back)");
  if (cbs.wr_page + page >= cbs.num_pages) {
    // The write pointer does not wrap within a pack: the tile would land past the CB's memory.
    t.run->fail_locked(t, line, what + " past the end of the CB: the write pointer is at page " +
                                    std::to_string(cbs.wr_page) + " of " + std::to_string(cbs.num_pages) +
                                    " (make the CB a whole number of the pages packed between pushes)");
  }
  if (page >= cbs.reserved && page >= cbs.free_pages()) {
    // Pages past the reservation are fine on silicon while they are free (add_2_integers_in_compute
    // packs without reserving); a page the consumer has not popped yet would be overwritten.
    t.run->fail_locked(t, line, what + " but only " + std::to_string(cbs.reserved) + " page(s) reserved and " +
                                    std::to_string(cbs.free_pages()) +
                                    " free: it holds data not yet popped (missing cb_reserve_back?)");
  }
  return cbs.write_page_addr(page);
}
}  // namespace

void pack_tile(std::uint32_t dst, std::uint32_t cb, std::uint32_t out_index, bool out_of_order, std::uint32_t line) {
  KernelThread& t = enter();
  ComputeState& c = cstate(t, "pack_tile", line);
  require_started(t, c, "pack_tile", line);
  if (c.phase != Phase::pack && c.phase != Phase::legacy) {
    t.run->fail(t, line, std::string("pack_tile outside tile_regs_wait/tile_regs_release (DST is ") +
                             phase_text(c.phase) + ")");
  }
  if (dst >= c.capacity) {
    t.run->fail(t, line, "pack_tile: DST index " + std::to_string(dst) + " out of range: DST holds " +
                             std::to_string(c.capacity) + " tiles in this mode");
  }
  const std::uint32_t num_cbs = t.run->device.arch().num_cbs;
  if (cb >= num_cbs || !t.core->cbs[cb].configured) {
    t.run->fail(t, line, "pack_tile: cb " + cb_name(cb) + " is not configured on this core");
  }
  CbState& cbs = t.core->cbs[cb];
  const std::uint32_t addr = pack_page_addr(t, cbs, out_index, out_of_order, line);
  std::uint8_t* p = t.core->l1 + addr;
  const float* d = slot(c, dst);
  switch (cbs.format) {
    case tt::DataFormat::Float16_b:
      for (std::uint32_t i = 0; i < kTileElems; ++i) {
        const std::uint16_t v = pack_bf16(d[i]);  // NaN -> infinity of its sign (numerics.hpp)
        std::memcpy(p + 2 * i, &v, 2);
      }
      break;
    case tt::DataFormat::Float32:
      for (std::uint32_t i = 0; i < kTileElems; ++i) {
        const float v = operand(d[i]);
        std::memcpy(p + 4 * i, &v, 4);
      }
      break;
    default:
      t.run->fail(t, line, "pack_tile: cb " + cb_name(cb) + ": data format " + format_name(cbs.format) +
                               " is not supported by the emulator's compute engine (Float16_b, Float32)");
  }
  ++t.counters.packed_tiles;
}

}  // namespace tilesplit::emu::dev
