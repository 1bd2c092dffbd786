// The boundary between kernel code and the emulator: every device API in the kernel headers is a thin
// inline wrapper over one of these functions, exported by libtilesplit_emu.so and resolved when the
// kernel's shared object is loaded. Each takes the kernel source line of the API call (the wrappers
// default it with __builtin_LINE()), so errors can point at the offending call.
#pragma once

#include <cstdint>

// Kernels are built with -fvisibility=hidden; these are defined in libtilesplit_emu, so they keep the
// default visibility.
#pragma GCC visibility push(default)

namespace tilesplit::emu::dev {

// ---- runtime args ------------------------------------------------------------------------------
// Address (L1 offset) and pointer of runtime arg `idx`; `common` selects SetCommonRuntimeArgs.
std::uint32_t arg_addr(std::uint32_t idx, bool common, std::uint32_t line);
const std::uint32_t* arg_ptr(std::uint32_t idx, bool common, std::uint32_t line);

// ---- circular buffers --------------------------------------------------------------------------
void cb_reserve_back(std::uint32_t cb, std::uint32_t pages, std::uint32_t line);
void cb_push_back(std::uint32_t cb, std::uint32_t pages, std::uint32_t line);
void cb_wait_front(std::uint32_t cb, std::uint32_t pages, std::uint32_t line);
void cb_pop_front(std::uint32_t cb, std::uint32_t pages, std::uint32_t line);
bool cb_pages_available_at_front(std::uint32_t cb, std::uint32_t pages, std::uint32_t line);
bool cb_pages_reservable_at_back(std::uint32_t cb, std::uint32_t pages, std::uint32_t line);
std::uint32_t cb_write_ptr(std::uint32_t cb, std::uint32_t line);
std::uint32_t cb_read_ptr(std::uint32_t cb, std::uint32_t line);

// ---- NOC ---------------------------------------------------------------------------------------
// `noc`: the NOC the call uses; writes on one NOC reach a core in the order they were issued.
void noc_read(std::uint64_t src, std::uint32_t dst_l1, std::uint32_t size, std::uint8_t noc, std::uint32_t line);
void noc_write(std::uint32_t src_l1, std::uint64_t dst, std::uint32_t size, std::uint8_t noc, std::uint32_t line);
void noc_write_multicast(std::uint32_t src_l1, std::uint64_t dst, std::uint32_t size, std::uint32_t num_dests,
                         bool loopback, std::uint8_t noc, std::uint32_t line);
void noc_read_barrier(std::uint32_t line);
void noc_write_barrier(std::uint32_t line);
void noc_writes_flushed(std::uint32_t line);
void noc_atomic_barrier(std::uint32_t line);
// This core's NOC and logical coordinates.
std::uint32_t my_noc_x();
std::uint32_t my_noc_y();
std::uint32_t my_logical_x();
std::uint32_t my_logical_y();

// ---- semaphores (addresses are offsets in this core's L1) --------------------------------------
std::uint32_t semaphore_address(std::uint32_t id, std::uint32_t line);
void semaphore_wait(std::uint32_t addr, std::uint32_t value, bool at_least, std::uint32_t line);
void semaphore_set(std::uint32_t addr, std::uint32_t value, std::uint32_t line);
void semaphore_inc(std::uint64_t addr, std::uint32_t incr, std::uint8_t noc, std::uint32_t line);
// Writes the word at src_l1 to a semaphore of another core (unicast `dst`) or of every core of a
// multicast rectangle.
void semaphore_write(std::uint32_t src_l1, std::uint64_t dst, std::uint32_t num_dests, bool multicast, bool loopback,
                     std::uint8_t noc, std::uint32_t line);

// ---- debug print (api/debug/dprint.h) ------------------------------------------------------------
// Prints one finished DPRINT line as the host's print server would, for the RISC named (nullptr:
// the calling kernel's RISC, or all three TRISCs for a compute kernel). Printing is enabled by the
// host's TT_METAL_DPRINT_* settings.
void dprint_line(const char* text, const char* risc);
// Host pointer to `size` bytes of this core's L1 at `addr` (for kernels that touch L1 directly
// through tilesplit_emu::l1_ptr; on hardware they would cast the address).
void* l1_ptr(std::uint32_t addr, std::uint32_t size, std::uint32_t line);

// ---- calls the emulator does not model --------------------------------------------------------
// Fails the run at `line`: `what` names the call and the arguments that are not emulated (a kernel
// that relies on them would compute something else here than on the hardware).
void not_emulated(const char* what, std::uint32_t line);

// ---- compute: DST registers ----------------------------------------------------------------------
enum class RegCall : std::uint32_t { acquire, commit, wait, release, acquire_dst, release_dst };
void tile_regs(RegCall call, std::uint32_t line);

// ---- compute: the FPU path (unpack + math) --------------------------------------------------------
enum class FpuOp : std::uint32_t { none, copy, add, sub, mul, matmul, reduce, bcast, transpose, unary_bcast, reuse_dest };
// Variant: reduce -> pool * 4 + dim; bcast -> (binary op) * 4 + broadcast dim; unary_bcast -> broadcast
// dim; reuse_dest -> (binary op) * 4 + EltwiseBinaryReuseDestType; others 0. unary_bcast and
// reuse_dest read one CB (cb0): reuse_dest's other operand is the DST tile it writes.
// Full hardware start-up (compute_kernel_hw_startup, init_sfpu, binary_op_init_common, mm_init, ...).
void hw_startup(const char* api, std::uint32_t line);
// An op init: configures the FPU path for op/variant on cb0/cb1. `flags`: matmul/copy transpose.
void fpu_init(FpuOp op, std::uint32_t variant, std::uint32_t cb0, std::uint32_t cb1, std::uint32_t flags,
              const char* api, std::uint32_t line);
void fpu_tile(FpuOp op, std::uint32_t variant, std::uint32_t cb0, std::uint32_t cb1, std::uint32_t tile0,
              std::uint32_t tile1, std::uint32_t dst, const char* api, std::uint32_t line);
// reduce_uninit: the reduce configuration is finished with.
void reduce_uninit(std::uint32_t line);

// ---- compute: SFPU ---------------------------------------------------------------------------
enum class SfpuOp : std::uint32_t {
  exp, log, sqrt, rsqrt, recip, relu, relu_max, relu_min, leaky_relu, gelu, gelu_tanh, sigmoid, tanh,
  abs, square, negative, silu, fill, fill_bitcast, power, sin, cos,
  scalar_add, scalar_sub, scalar_mul, scalar_div, scalar_rsub,
  binary_add, binary_sub, binary_mul, binary_div, binary_rsub, binary_power, copy_dest,
  gelu_lut,  // gelu_tile<fast_and_approx = true>, tt-metal's default: the lookup-table GELU
  count
};
// `init` names the SFPU configuration an op needs (scalar ops share binop_with_scalar_tile_init).
void sfpu_init(SfpuOp init, const char* api, std::uint32_t line);
void sfpu_unary(SfpuOp op, SfpuOp init, std::uint32_t dst, std::uint32_t param_bits, const char* api,
                const char* init_api, std::uint32_t line);
void sfpu_binary(SfpuOp op, std::uint32_t dst0, std::uint32_t dst1, std::uint32_t odst, const char* api,
                 const char* init_api, std::uint32_t line);

// ---- compute: pack ------------------------------------------------------------------------------
void pack_tile(std::uint32_t dst, std::uint32_t cb, std::uint32_t out_index, bool out_of_order, std::uint32_t line);

}  // namespace tilesplit::emu::dev

#pragma GCC visibility pop
