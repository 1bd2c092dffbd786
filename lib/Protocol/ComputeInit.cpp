//===- ComputeInit.cpp - Engine inits, re-issued when the op changes ------===//
//
// The compute kernel starts with one hardware start-up. After it, the FPU path
// (unpack + math) and the SFPU each hold one configuration; an op needs its own
// init whenever the engine was last configured for something else. Inside a
// loop, the state at the top of an iteration is what the previous iteration
// left, so an init is hoisted out of the loop only when the body never changes
// the engine's configuration.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Passes/Passes.h"

namespace tilesplit {
namespace {

constexpr const char *Unknown = "?";

/// What an engine must be configured as for one op, and the init that does it.
struct Requirement {
  bool Fpu;          // else SFPU
  std::string State; // e.g. "copy cb_a", "add cb_a cb_b", "unary exp"
  DevNode Init;
};

std::optional<Requirement> requirementOf(const DevNode &N) {
  auto Init = [&](DevOp Op, std::vector<std::string> Args) {
    DevNode I = DevNode::call(Op, std::move(Args));
    I.BOp = N.BOp;
    I.UOp = N.UOp;
    I.Var = N.Var;
    return I;
  };
  switch (N.Op) {
  case DevOp::CopyTile:
    return Requirement{true, "copy " + N.Args[0], Init(DevOp::CopyInit, {N.Args[0]})};
  case DevOp::BinaryTiles:
    return Requirement{true,
                       std::string(ir::binaryOpName(N.BOp)) + " " + N.Args[0] + " " +
                           N.Args[1],
                       Init(DevOp::BinaryInit, {N.Args[0], N.Args[1]})};
  case DevOp::SfpuBinary:
    return Requirement{false, std::string("binary ") + ir::binaryOpName(N.BOp),
                       Init(DevOp::SfpuBinaryInit, {})};
  case DevOp::Unary:
    return Requirement{false, std::string("unary ") + ir::unaryOpName(N.UOp),
                       Init(DevOp::UnaryInit, {})};
  case DevOp::ScalarOp:
    return Requirement{false, "scalar", Init(DevOp::ScalarInit, {})};
  case DevOp::Fill:
    return Requirement{false, "fill", Init(DevOp::FillInit, {})};
  default:
    return std::nullopt;
  }
}

struct EngineState {
  std::string Fpu = Unknown, Sfpu = Unknown;
  bool operator==(const EngineState &O) const { return Fpu == O.Fpu && Sfpu == O.Sfpu; }
  bool operator!=(const EngineState &O) const { return !(*this == O); }
  static EngineState join(const EngineState &A, const EngineState &B) {
    EngineState J;
    J.Fpu = A.Fpu == B.Fpu ? A.Fpu : Unknown;
    J.Sfpu = A.Sfpu == B.Sfpu ? A.Sfpu : Unknown;
    return J;
  }
};

/// Walks \p Nodes from state \p S; with \p Insert, adds the inits it needs.
EngineState walk(std::vector<DevNode> &Nodes, EngineState S, bool Insert) {
  std::vector<DevNode> Out;
  for (DevNode &N : Nodes) {
    if (N.K == DevNode::Kind::Loop) {
      // State at the loop head: what we enter with, joined with what one
      // iteration leaves behind.
      EngineState AfterOne = walk(N.Body, S, false);
      EngineState Head = EngineState::join(S, AfterOne);
      EngineState End = walk(N.Body, Head, Insert);
      S = EngineState::join(S, End); // the loop may run no iteration
    } else if (N.K == DevNode::Kind::Call) {
      if (auto R = requirementOf(N)) {
        std::string &Current = R->Fpu ? S.Fpu : S.Sfpu;
        if (Current != R->State) {
          if (Insert)
            Out.push_back(R->Init);
          Current = R->State;
        }
      }
    }
    if (Insert)
      Out.push_back(std::move(N));
  }
  if (Insert)
    Nodes = std::move(Out);
  return S;
}

/// The first call of \p Op in program order, if any.
const DevNode *firstCall(const std::vector<DevNode> &Nodes, DevOp Op) {
  for (const DevNode &N : Nodes) {
    if (N.K == DevNode::Kind::Call && N.Op == Op)
      return &N;
    if (N.K == DevNode::Kind::Loop)
      if (const DevNode *F = firstCall(N.Body, Op))
        return F;
  }
  return nullptr;
}

} // namespace

bool runComputeInit(Program &P, Diagnoser &) {
  DeviceKernel &K = P.kernel(KernelRole::Compute);
  if (K.Body.empty())
    return true;
  walk(K.Body, EngineState(), true);

  // The start-up configures unpack, math and pack once, for the first op's
  // operands and the first CB packed into.
  const DevNode *Pack = firstCall(K.Body, DevOp::PackTile);
  const DevNode *Binary = firstCall(K.Body, DevOp::BinaryTiles);
  const DevNode *Copy = firstCall(K.Body, DevOp::CopyTile);
  std::string OutCb = Pack ? Pack->Args[1] : P.Cbs.front().Name;
  std::vector<std::string> Args;
  if (Binary)
    Args = {Binary->Args[0], Binary->Args[1], OutCb};
  else
    Args = {Copy ? Copy->Args[0] : P.Cbs.front().Name, OutCb};
  K.Body.insert(K.Body.begin(), DevNode::call(DevOp::HwStartup, Args));
  return true;
}

} // namespace tilesplit
