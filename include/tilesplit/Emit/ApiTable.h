//===- ApiTable.h - How one tt-metal release spells the device API ---------===//
//
// Passes speak in DevOps; only this table knows their C++ spelling and the
// header that declares them. A profile is one row per release line; adding a
// release means adding a table (ApiTable.cpp), nothing else.
//
//===----------------------------------------------------------------------===//
#ifndef TILESPLIT_EMIT_APITABLE_H
#define TILESPLIT_EMIT_APITABLE_H

#include "tilesplit/Passes/Passes.h"
#include "tilesplit/Passes/Program.h"

#include <string>
#include <vector>

namespace tilesplit {

struct ApiProfile {
  const char *Name;        // "2026-08"
  const char *Description; // for --help and docs
  /// Prefix of compute headers: "api/compute/" or "compute_kernel_api/".
  const char *ComputeDir;
  /// The monolithic compute header (log, sigmoid, tanh, abs, square).
  const char *Monolith;
  const char *DataflowHeader;
  /// Full hardware start-up for a kernel whose first op is binary, unary (copy)
  /// or matmul, and the headers declaring them (relative to ComputeDir).
  const char *StartupBinary, *StartupUnary, *StartupMatmul;
  const char *StartupBinaryHeader, *StartupUnaryHeader, *StartupMatmulHeader;
  const char *MatmulInit;
  /// Init spellings; %s is the op name (add, sub, mul).
  const char *BinaryInitFormat;
  const char *CopyInit;
  /// Interleaved TensorAccessorArgs take this many compile-time args.
  unsigned AccessorCompileArgs;
  /// What the start-ups configure beyond the hardware.
  InitModel Inits;
  /// Broadcast inits, by [add, sub, mul][row, col, scalar]. A full init
  /// (TakesPackCb) also names the CB the result is packed into.
  struct InitSpelling {
    const char *Name;
    bool TakesPackCb;
  } BcastInit[3][3];
  /// Tile transpose: init, op and their header (relative to ComputeDir).
  const char *TransposeInit, *TransposeTile, *TransposeHeader;
  /// unary_bcast_init<dim>: a full init that also names the CB packed into
  /// (2026-02), or a short one on the input CB alone.
  bool UnaryBcastInitTakesPackCb;
  /// Dest-reuse init and op with DST as the first operand (DEST_TO_SRCA);
  /// %s is the op: "sub" (2026-08, <op>_reuse_dest_*) or "SUB" (2026-02,
  /// binary_dest_reuse_tiles*<EltwiseBinaryType::ELW<OP>, ...>).
  const char *ReuseDestInitFormat, *ReuseDestTilesFormat;
  bool ReuseDestOpUpperCase;
};

/// Every known profile; the first is the default.
const std::vector<ApiProfile> &apiProfiles();
const ApiProfile *findApiProfile(const std::string &Name);

/// "name(arg, arg)" for a call node.
std::string spellCall(const DevNode &N, const ApiProfile &A);
/// The header a call needs (empty if none beyond the kernel's base headers).
std::string headerFor(const DevNode &N, const ApiProfile &A);
/// The preprocessor defines a kernel is compiled with (name, value), in the
/// order the host passes them.
std::vector<std::pair<std::string, std::string>> kernelDefines(const DeviceKernel &K);

} // namespace tilesplit

#endif
