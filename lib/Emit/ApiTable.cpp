//===- ApiTable.cpp - The tt-metal API profiles ---------------------------===//
#include "tilesplit/Emit/ApiTable.h"

#include "llvm/ADT/StringExtras.h"

#include <cstdio>

namespace tilesplit {

const std::vector<ApiProfile> &apiProfiles() {
  static const std::vector<ApiProfile> Profiles = {
      {
          /*Name=*/"2026-08",
          /*Description=*/"tt-metal main from Aug 2026: api/compute/ headers, "
                          "compute_kernel_hw_startup, add_init, copy_init, matmul_init",
          /*ComputeDir=*/"api/compute/",
          /*Monolith=*/"api/compute/compute_kernel_api.h",
          /*DataflowHeader=*/"api/dataflow/dataflow_api.h",
          /*StartupBinary=*/"compute_kernel_hw_startup",
          /*StartupUnary=*/"compute_kernel_hw_startup",
          /*StartupMatmul=*/"compute_kernel_hw_startup<SrcOrder::Reverse>",
          // Its own header: later common.h versions no longer include it.
          /*StartupBinaryHeader=*/"compute_kernel_hw_startup.h",
          /*StartupUnaryHeader=*/"compute_kernel_hw_startup.h",
          /*StartupMatmulHeader=*/"compute_kernel_hw_startup.h",
          /*MatmulInit=*/"matmul_init",
          /*BinaryInitFormat=*/"%s_init",
          /*CopyInit=*/"copy_init",
          /*AccessorCompileArgs=*/2,
          /*Inits=*/{/*UnaryStartupConfiguresCopy=*/false,
                     /*MatmulStartupConfiguresMatmul=*/false},
          /*BcastInit=*/
          {{{"bcast_init<EltwiseBinaryType::ELWADD, BroadcastType::ROW>", false},
            {"bcast_init<EltwiseBinaryType::ELWADD, BroadcastType::COL>", false},
            {"bcast_init<EltwiseBinaryType::ELWADD, BroadcastType::SCALAR>", false}},
           {{"bcast_init<EltwiseBinaryType::ELWSUB, BroadcastType::ROW>", false},
            {"bcast_init<EltwiseBinaryType::ELWSUB, BroadcastType::COL>", false},
            {"bcast_init<EltwiseBinaryType::ELWSUB, BroadcastType::SCALAR>", false}},
           {{"bcast_init<EltwiseBinaryType::ELWMUL, BroadcastType::ROW>", false},
            {"bcast_init<EltwiseBinaryType::ELWMUL, BroadcastType::COL>", false},
            {"bcast_init<EltwiseBinaryType::ELWMUL, BroadcastType::SCALAR>", false}}},
          /*TransposeInit=*/"transpose_init",
          /*TransposeTile=*/"transpose_tile",
          /*TransposeHeader=*/"transpose.h",
          /*UnaryBcastInitTakesPackCb=*/false,
          /*ReuseDestInitFormat=*/"%s_reuse_dest_init<EltwiseBinaryReuseDestType::DEST_TO_SRCA>",
          /*ReuseDestTilesFormat=*/"%s_reuse_dest_tiles<EltwiseBinaryReuseDestType::DEST_TO_SRCA>",
          /*ReuseDestOpUpperCase=*/false,
      },
      {
          /*Name=*/"2026-02",
          /*Description=*/"early-2026 releases: compute_kernel_api/ headers, "
                          "binary_op_init_common + add_tiles_init, init_sfpu, "
                          "copy_tile_init, mm_init",
          /*ComputeDir=*/"compute_kernel_api/",
          /*Monolith=*/"compute_kernel_api.h",
          /*DataflowHeader=*/"api/dataflow/dataflow_api.h",
          /*StartupBinary=*/"binary_op_init_common",
          /*StartupUnary=*/"init_sfpu",
          /*StartupMatmul=*/"mm_init",
          /*StartupBinaryHeader=*/"eltwise_binary.h",
          /*StartupUnaryHeader=*/"eltwise_unary/eltwise_unary.h",
          /*StartupMatmulHeader=*/"matmul.h",
          /*MatmulInit=*/"mm_init_short",
          /*BinaryInitFormat=*/"%s_tiles_init",
          /*CopyInit=*/"copy_tile_init",
          /*AccessorCompileArgs=*/1,
          /*Inits=*/{/*UnaryStartupConfiguresCopy=*/true,
                     /*MatmulStartupConfiguresMatmul=*/true},
          // The short inits this release has; sub along rows only has the full
          // init_bcast, which also configures the hardware.
          /*BcastInit=*/
          {{{"add_bcast_rows_init_short", false},
            {"add_bcast_cols_init_short", false},
            {"add_bcast_scalar_init_short", false}},
           {{"init_bcast<EltwiseBinaryType::ELWSUB, BroadcastType::ROW>", true},
            {"sub_bcast_cols_init_short", false},
            {"sub_tiles_bcast_scalar_init_short", false}},
           {{"mul_bcast_rows_init_short", false},
            {"mul_bcast_cols_init_short", false},
            {"mul_tiles_bcast_scalar_init_short", false}}},
          /*TransposeInit=*/"transpose_wh_init_short",
          /*TransposeTile=*/"transpose_wh_tile",
          /*TransposeHeader=*/"transpose_wh.h",
          /*UnaryBcastInitTakesPackCb=*/true,
          /*ReuseDestInitFormat=*/"binary_dest_reuse_tiles_init<EltwiseBinaryType::ELW%s, "
                                  "EltwiseBinaryReuseDestType::DEST_TO_SRCA>",
          /*ReuseDestTilesFormat=*/"binary_dest_reuse_tiles<EltwiseBinaryType::ELW%s, "
                                   "EltwiseBinaryReuseDestType::DEST_TO_SRCA>",
          /*ReuseDestOpUpperCase=*/true,
      },
  };
  return Profiles;
}

const ApiProfile *findApiProfile(const std::string &Name) {
  for (const ApiProfile &P : apiProfiles())
    if (Name == P.Name)
      return &P;
  return nullptr;
}

namespace {

/// The device-side name of a unary op, whether its header is the monolith,
/// and the template arguments its init and call take. GELU asks for the
/// precise erf form the language promises: tt-metal's default
/// (fast_and_approx = true) is a lookup-table approximation.
struct UnarySpelling {
  const char *Device;
  bool InMonolith;
  const char *TemplateArgs = "";
};

UnarySpelling unarySpelling(ir::UnaryOp Op) {
  switch (Op) {
  case ir::UnaryOp::Exp: return {"exp", false};
  case ir::UnaryOp::Log: return {"log", true};
  case ir::UnaryOp::Sqrt: return {"sqrt", false};
  case ir::UnaryOp::Rsqrt: return {"rsqrt", false};
  case ir::UnaryOp::Recip: return {"recip", false};
  case ir::UnaryOp::Relu: return {"relu", false};
  case ir::UnaryOp::Gelu: return {"gelu", false, "</*fast_and_approx=*/false>"};
  case ir::UnaryOp::Sigmoid: return {"sigmoid", true};
  case ir::UnaryOp::Tanh: return {"tanh", true};
  case ir::UnaryOp::Abs: return {"abs", true};
  case ir::UnaryOp::Square: return {"square", true};
  case ir::UnaryOp::Neg: return {"negative", false};
  }
  return {"exp", false};
}

const char *poolType(ir::ReduceOp Op) {
  return Op == ir::ReduceOp::Sum ? "PoolType::SUM" : "PoolType::MAX";
}

const char *reduceDim(ir::TileDim D) {
  switch (D) {
  case ir::TileDim::Row: return "ReduceDim::REDUCE_ROW";
  case ir::TileDim::Col: return "ReduceDim::REDUCE_COL";
  case ir::TileDim::Scalar: return "ReduceDim::REDUCE_SCALAR";
  }
  return "";
}

const char *broadcastType(ir::TileDim D) {
  switch (D) {
  case ir::TileDim::Row: return "BroadcastType::ROW";
  case ir::TileDim::Col: return "BroadcastType::COL";
  case ir::TileDim::Scalar: return "BroadcastType::SCALAR";
  }
  return "";
}

const ApiProfile::InitSpelling &bcastInit(const DevNode &N, const ApiProfile &A) {
  unsigned Op = N.BOp == ir::BinaryOp::Add ? 0 : N.BOp == ir::BinaryOp::Sub ? 1 : 2;
  return A.BcastInit[Op][static_cast<unsigned>(N.Dim)];
}

std::string reuseDestName(const char *Format, const DevNode &N, const ApiProfile &A) {
  std::string Op = ir::binaryOpName(N.BOp);
  if (A.ReuseDestOpUpperCase)
    Op = llvm::StringRef(Op).upper();
  char Buf[160];
  std::snprintf(Buf, sizeof Buf, Format, Op.c_str());
  return Buf;
}

std::string scalarOpName(const DevNode &N) {
  if (N.Var == "rsub")
    return "rsub";
  return ir::binaryOpName(N.BOp);
}

std::string name(const DevNode &N, const ApiProfile &A) {
  switch (N.Op) {
  case DevOp::CbReserveBack: return "cb_reserve_back";
  case DevOp::CbPushBack: return "cb_push_back";
  case DevOp::CbWaitFront: return "cb_wait_front";
  case DevOp::CbPopFront: return "cb_pop_front";
  case DevOp::NocReadPage: return "noc_async_read_page";
  case DevOp::NocWritePage: return "noc_async_write_page";
  case DevOp::ReadBarrier: return "noc_async_read_barrier";
  case DevOp::WritesFlushed: return "noc_async_writes_flushed";
  case DevOp::WriteBarrier: return "noc_async_write_barrier";
  case DevOp::HwStartup:
    return N.Var == "matmul" ? A.StartupMatmul
           : N.Var == "binary" ? A.StartupBinary
                               : A.StartupUnary;
  case DevOp::MatmulInit: return A.MatmulInit;
  case DevOp::MatmulTiles: return "matmul_tiles";
  case DevOp::TileRegsAcquire: return "tile_regs_acquire";
  case DevOp::TileRegsCommit: return "tile_regs_commit";
  case DevOp::TileRegsWait: return "tile_regs_wait";
  case DevOp::TileRegsRelease: return "tile_regs_release";
  case DevOp::CopyInit: return A.CopyInit;
  case DevOp::CopyTile: return "copy_tile";
  case DevOp::BinaryInit: {
    char Buf[64];
    std::snprintf(Buf, sizeof Buf, A.BinaryInitFormat, ir::binaryOpName(N.BOp));
    return Buf;
  }
  case DevOp::BinaryTiles: return std::string(ir::binaryOpName(N.BOp)) + "_tiles";
  case DevOp::SfpuBinaryInit:
    return std::string(ir::binaryOpName(N.BOp)) + "_binary_tile_init";
  case DevOp::SfpuBinary: return std::string(ir::binaryOpName(N.BOp)) + "_binary_tile";
  case DevOp::UnaryInit: {
    UnarySpelling U = unarySpelling(N.UOp);
    return std::string(U.Device) + "_tile_init" + U.TemplateArgs;
  }
  case DevOp::Unary: {
    UnarySpelling U = unarySpelling(N.UOp);
    return std::string(U.Device) + "_tile" + U.TemplateArgs;
  }
  case DevOp::ScalarInit: return "binop_with_scalar_tile_init";
  case DevOp::ScalarOp: return scalarOpName(N) + "_unary_tile";
  case DevOp::FillInit: return "fill_tile_init";
  case DevOp::Fill: return "fill_tile";
  case DevOp::PackTile: return "pack_tile";
  case DevOp::ReduceInit:
    return std::string("reduce_init<") + poolType(N.ROp) + ", " + reduceDim(N.Dim) + ">";
  case DevOp::ReduceTile:
    return std::string("reduce_tile<") + poolType(N.ROp) + ", " + reduceDim(N.Dim) + ">";
  case DevOp::ReduceUninit: return "reduce_uninit";
  case DevOp::BcastInit: return bcastInit(N, A).Name;
  case DevOp::BcastTiles:
    return std::string(ir::binaryOpName(N.BOp)) + "_tiles_bcast<" + broadcastType(N.Dim) + ">";
  case DevOp::UnaryBcastInit:
    return std::string("unary_bcast_init<") + broadcastType(N.Dim) + ">";
  case DevOp::UnaryBcast: return std::string("unary_bcast<") + broadcastType(N.Dim) + ">";
  case DevOp::ReuseDestInit: return reuseDestName(A.ReuseDestInitFormat, N, A);
  case DevOp::ReuseDestTiles: return reuseDestName(A.ReuseDestTilesFormat, N, A);
  case DevOp::TransposeInit: return A.TransposeInit;
  case DevOp::TransposeTile: return A.TransposeTile;
  case DevOp::ReadTiles:
  case DevOp::ComputeTile:
  case DevOp::WriteTile:
  case DevOp::AccumulatorBegin:
  case DevOp::AccumulatorInit:
  case DevOp::PackBlockTile:
    break;
  }
  return "<placeholder>";
}

} // namespace

std::string spellCall(const DevNode &N, const ApiProfile &A) {
  std::vector<std::string> Args = N.Args;
  if ((N.Op == DevOp::BcastInit && bcastInit(N, A).TakesPackCb) ||
      (N.Op == DevOp::UnaryBcastInit && A.UnaryBcastInitTakesPackCb))
    Args.push_back(N.Init);
  return name(N, A) + "(" + llvm::join(Args, ", ") + ")";
}

std::string headerFor(const DevNode &N, const ApiProfile &A) {
  std::string Dir = A.ComputeDir;
  switch (N.Op) {
  case DevOp::HwStartup:
    return Dir + (N.Var == "matmul"   ? A.StartupMatmulHeader
                  : N.Var == "binary" ? A.StartupBinaryHeader
                                      : A.StartupUnaryHeader);
  case DevOp::MatmulInit:
  case DevOp::MatmulTiles:
    return Dir + "matmul.h";
  case DevOp::TileRegsAcquire:
  case DevOp::TileRegsCommit:
  case DevOp::TileRegsWait:
  case DevOp::TileRegsRelease:
  case DevOp::PackTile:
    return Dir + "common.h";
  case DevOp::CopyInit:
  case DevOp::CopyTile:
    return Dir + "tile_move_copy.h";
  case DevOp::BinaryInit:
  case DevOp::BinaryTiles:
    return Dir + "eltwise_binary.h";
  case DevOp::SfpuBinaryInit:
  case DevOp::SfpuBinary:
    return Dir + "eltwise_binary_sfpu.h";
  case DevOp::UnaryInit:
  case DevOp::Unary: {
    UnarySpelling U = unarySpelling(N.UOp);
    return U.InMonolith ? std::string(A.Monolith)
                        : Dir + "eltwise_unary/" + U.Device + ".h";
  }
  case DevOp::ScalarInit:
  case DevOp::ScalarOp:
    return Dir + "eltwise_unary/binop_with_scalar.h";
  case DevOp::FillInit:
  case DevOp::Fill:
    return Dir + "eltwise_unary/fill.h";
  case DevOp::ReduceInit:
  case DevOp::ReduceTile:
  case DevOp::ReduceUninit:
    return Dir + "reduce.h";
  case DevOp::BcastInit:
  case DevOp::BcastTiles:
  case DevOp::UnaryBcastInit:
  case DevOp::UnaryBcast:
    return Dir + "bcast.h";
  case DevOp::ReuseDestInit:
  case DevOp::ReuseDestTiles:
    return Dir + "eltwise_binary.h";
  case DevOp::TransposeInit:
  case DevOp::TransposeTile:
    return Dir + A.TransposeHeader;
  default:
    return "";
  }
}

std::vector<std::pair<std::string, std::string>> kernelDefines(const DeviceKernel &K) {
  if (!K.ReduceDefines)
    return {};
  return {{"REDUCE_OP", poolType(K.ReduceDefines->first)},
          {"REDUCE_DIM", reduceDim(K.ReduceDefines->second)}};
}

} // namespace tilesplit
