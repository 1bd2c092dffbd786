// One compute kernel for the numeric tests of every op (profile 2026-08): the op is a runtime arg,
// so a single JIT build covers them all. For each tile: wait A (c_0) and B (c_1), compute into DST 0,
// pack to c_16. Runtime args: {op, n, scalar_bits}.
#include <cstdint>

#include "api/compute/bcast.h"
#include "api/compute/common.h"
#include "api/compute/compute_kernel_api.h"
#include "api/compute/eltwise_binary.h"
#include "api/compute/eltwise_binary_sfpu.h"
#include "api/compute/eltwise_unary/binop_with_scalar.h"
#include "api/compute/eltwise_unary/eltwise_unary.h"
#include "api/compute/eltwise_unary/exp.h"
#include "api/compute/eltwise_unary/fill.h"
#include "api/compute/eltwise_unary/gelu.h"
#include "api/compute/eltwise_unary/negative.h"
#include "api/compute/eltwise_unary/recip.h"
#include "api/compute/eltwise_unary/relu.h"
#include "api/compute/eltwise_unary/rsqrt.h"
#include "api/compute/eltwise_unary/sqrt.h"
#include "api/compute/reduce.h"
#include "api/compute/tile_move_copy.h"
#include "api/compute/transpose.h"
#include "compute_ops_ids.h"

#define UNARY(ID, name)   \
  case ID:                \
    copy_init(cb_a);      \
    copy_tile(cb_a, 0, 0); \
    name##_tile_init();   \
    name##_tile(0);       \
    break;
#define SCALAR(ID, name)              \
  case ID:                            \
    copy_init(cb_a);                  \
    copy_tile(cb_a, 0, 0);            \
    binop_with_scalar_tile_init();    \
    name##_unary_tile(0, scalar);     \
    break;
#define BINARY(ID, name)              \
  case ID:                            \
    copy_init(cb_a);                  \
    copy_tile(cb_a, 0, 0);            \
    copy_init(cb_b);                  \
    copy_tile(cb_b, 0, 1);            \
    name##_binary_tile_init();        \
    name##_binary_tile(0, 1, 0);      \
    break;
#define REDUCE(ID, pool, dim)                                  \
  case ID:                                                     \
    reduce_init<PoolType::pool, ReduceDim::dim>(cb_a, cb_b, cb_out); \
    reduce_tile<PoolType::pool, ReduceDim::dim>(cb_a, cb_b, 0, 0, 0); \
    reduce_uninit();                                           \
    break;

void kernel_main() {
  const uint32_t op = get_arg_val<uint32_t>(0);
  const uint32_t n = get_arg_val<uint32_t>(1);
  const uint32_t scalar = get_arg_val<uint32_t>(2);
  constexpr uint32_t cb_a = tt::CBIndex::c_0;
  constexpr uint32_t cb_b = tt::CBIndex::c_1;
  constexpr uint32_t cb_out = tt::CBIndex::c_16;

  compute_kernel_hw_startup(cb_a, cb_b, cb_out);
  for (uint32_t i = 0; i < n; ++i) {
    cb_wait_front(cb_a, 1);
    cb_wait_front(cb_b, 1);
    tile_regs_acquire();
    switch (op) {
      case OP_COPY: copy_init(cb_a); copy_tile(cb_a, 0, 0); break;
      case OP_ADD: add_init(cb_a, cb_b); add_tiles(cb_a, cb_b, 0, 0, 0); break;
      case OP_SUB: sub_init(cb_a, cb_b); sub_tiles(cb_a, cb_b, 0, 0, 0); break;
      case OP_MUL: mul_init(cb_a, cb_b); mul_tiles(cb_a, cb_b, 0, 0, 0); break;
      UNARY(OP_EXP, exp)
      UNARY(OP_LOG, log)
      UNARY(OP_SQRT, sqrt)
      UNARY(OP_RSQRT, rsqrt)
      UNARY(OP_RECIP, recip)
      UNARY(OP_RELU, relu)
      case OP_GELU:  // the precise GELU, as tilesplit asks for it
        copy_init(cb_a);
        copy_tile(cb_a, 0, 0);
        gelu_tile_init<false>();
        gelu_tile<false>(0);
        break;
      UNARY(OP_GELU_LUT, gelu)  // tt-metal's default: the lookup table
      UNARY(OP_SIGMOID, sigmoid)
      UNARY(OP_TANH, tanh)
      UNARY(OP_ABS, abs)
      UNARY(OP_SQUARE, square)
      UNARY(OP_NEGATIVE, negative)
      UNARY(OP_SILU, silu)
      case OP_FILL: fill_tile_init(); fill_tile_bitcast(0, scalar); break;
      SCALAR(OP_ADD_SCALAR, add)
      SCALAR(OP_SUB_SCALAR, sub)
      SCALAR(OP_MUL_SCALAR, mul)
      SCALAR(OP_DIV_SCALAR, div)
      SCALAR(OP_RSUB_SCALAR, rsub)
      BINARY(OP_ADD_BINARY, add)
      BINARY(OP_SUB_BINARY, sub)
      BINARY(OP_MUL_BINARY, mul)
      case OP_ADD_BCAST_ROWS: add_bcast_rows_init(cb_a, cb_b); add_tiles_bcast_rows(cb_a, cb_b, 0, 0, 0); break;
      case OP_ADD_BCAST_COLS:
        bcast_init<EltwiseBinaryType::ELWADD, BroadcastType::COL>(cb_a, cb_b);
        add_tiles_bcast<BroadcastType::COL>(cb_a, cb_b, 0, 0, 0);
        break;
      case OP_ADD_BCAST_SCALAR: add_bcast_scalar_init(cb_a, cb_b); add_tiles_bcast_scalar(cb_a, cb_b, 0, 0, 0); break;
      case OP_MUL_BCAST_COLS: mul_bcast_cols_init(cb_a, cb_b); mul_tiles_bcast_cols(cb_a, cb_b, 0, 0, 0); break;
      case OP_SUB_BCAST_ROWS: sub_bcast_rows_init(cb_a, cb_b); sub_tiles_bcast_rows(cb_a, cb_b, 0, 0, 0); break;
      case OP_TRANSPOSE: transpose_init(cb_a); transpose_tile(cb_a, 0, 0); break;
      REDUCE(OP_REDUCE_ROW_SUM, SUM, REDUCE_ROW)
      REDUCE(OP_REDUCE_COL_SUM, SUM, REDUCE_COL)
      REDUCE(OP_REDUCE_SCALAR_SUM, SUM, REDUCE_SCALAR)
      REDUCE(OP_REDUCE_ROW_MAX, MAX, REDUCE_ROW)
      default: break;
    }
    tile_regs_commit();
    tile_regs_wait();
    cb_reserve_back(cb_out, 1);
    pack_tile(0, cb_out);
    cb_push_back(cb_out, 1);
    cb_pop_front(cb_a, 1);
    cb_pop_front(cb_b, 1);
    tile_regs_release();
  }
}
