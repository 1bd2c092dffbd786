// Shared base of both compute-header profiles (api/compute/* for 2026-08, compute_kernel_api/* for
// 2026-02): args, CBs, LLK enums. Each profile's common.h includes this; the per-op declarations
// live in the sibling headers here and the profile headers only add what differs (the init names).
#pragma once

#include <cstdint>

#include "api/compile_time_args.h"
#include "tilesplit_emu/kernel/args.h"
#include "tilesplit_emu/kernel/cb_api.h"
#include "tilesplit_emu/kernel/config.h"

namespace ckernel {

using tilesplit::emu::dev::FpuOp;
using tilesplit::emu::dev::SfpuOp;

// LLK enums (ckernel_defs.h); unscoped like the originals, so PoolType::SUM and SUM both work.
enum PoolType : std::uint32_t { SUM = 0, AVG = 1, MAX = 2 };
enum ReduceDim : std::uint32_t { REDUCE_ROW = 0, REDUCE_COL = 1, REDUCE_SCALAR = 2 };
enum BroadcastType : std::uint32_t { NONE = 0, COL = 1, ROW = 2, SCALAR = 3 };
enum EltwiseBinaryType : std::uint32_t { ELWMUL = 0, ELWDIV = 1, ELWADD = 2, ELWSUB = 3, ELWLESS = 4 };
enum EltwiseBinaryReuseDestType : std::uint32_t { DEST_TO_SRCA = 1, DEST_TO_SRCB = 2 };
enum VectorMode : int { None = 0, R = 1, C = 2, RC = 4, RC_custom = 6, Invalid = 0xFF };
enum DstSync : std::uint32_t { SyncHalf = 0, SyncFull = 1 };  // DST_SYNC_MODE names one
enum class DstRoundingMode : std::uint8_t { Default = 0 };
enum class InputClamping : std::uint8_t { ClampToNegative = 0, None = 1 };

namespace p_sfpu {
constexpr std::uint16_t kCONST_1_FP16B = 0x3F80;
}

// Data-format reconfiguration: formats are taken from each CB's config on every unpack/pack here,
// so these are no-ops kept for source compatibility.
ALWI void reconfig_data_format(std::uint32_t, std::uint32_t) {}
ALWI void reconfig_data_format(std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t) {}
ALWI void reconfig_data_format_srca(std::uint32_t) {}
ALWI void reconfig_data_format_srca(std::uint32_t, std::uint32_t) {}
ALWI void reconfig_data_format_srcb(std::uint32_t) {}
ALWI void reconfig_data_format_srcb(std::uint32_t, std::uint32_t) {}
ALWI void pack_reconfig_data_format(std::uint32_t) {}
ALWI void pack_reconfig_data_format(std::uint32_t, std::uint32_t) {}
// L1 accumulation (the packer adding into what the CB already holds) is not emulated: enabling it
// fails the run rather than packing as if it were off.
ALWI void pack_reconfig_l1_acc(std::uint32_t l1_acc_en, std::uint32_t line = __builtin_LINE()) {
  if (l1_acc_en) tilesplit::emu::dev::not_emulated("pack_reconfig_l1_acc(1): the packer's L1 accumulation", line);
}

}  // namespace ckernel

// tt-metal compute kernels call the API unqualified from the kernel's own namespace.
using namespace ckernel;
