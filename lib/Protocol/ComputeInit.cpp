//===- ComputeInit.cpp - Engine inits, re-issued when the op changes ------===//
//
// The compute kernel starts with one hardware start-up. After it, the FPU path
// (unpack + math) and the SFPU each hold one configuration; an op needs its own
// init whenever the engine was last configured for something else. Inside a
// loop, the state at the top of an iteration is what the previous iteration
// left, so an init is hoisted out of the loop only when the body never changes
// the engine's configuration.
//
// reduce_init also reconfigures the packer, which only reduce_uninit undoes:
// when reduce_init may have run since the last FPU init of something else, the
// next such init is preceded by reduce_uninit.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Passes/Passes.h"

#include <algorithm>
#include <set>

namespace tilesplit {
namespace {

constexpr const char *Unknown = "?";
constexpr const char *Reduce = "reduce"; // the prefix of every reduce state

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
    I.ROp = N.ROp;
    I.Dim = N.Dim;
    I.Var = N.Var;
    I.Init = N.Init;
    return I;
  };
  auto Dim = [&] { return std::to_string(static_cast<int>(N.Dim)); };
  switch (N.Op) {
  case DevOp::CopyTile:
    return Requirement{true, "copy " + N.Args[0], Init(DevOp::CopyInit, {N.Args[0]})};
  case DevOp::BinaryTiles:
    return Requirement{true,
                       std::string(ir::binaryOpName(N.BOp)) + " " + N.Args[0] + " " +
                           N.Args[1],
                       Init(DevOp::BinaryInit, {N.Args[0], N.Args[1]})};
  case DevOp::MatmulTiles:
    return Requirement{true, "matmul " + N.Args[0] + " " + N.Args[1],
                       Init(DevOp::MatmulInit, {N.Args[0], N.Args[1]})};
  case DevOp::ReduceTile:
    return Requirement{true,
                       std::string(Reduce) + (N.ROp == ir::ReduceOp::Sum ? " sum " : " max ") +
                           Dim() + " " + N.Args[0] + " " + N.Args[1],
                       Init(DevOp::ReduceInit, {N.Args[0], N.Args[1], N.Init})};
  case DevOp::BcastTiles:
    return Requirement{true,
                       std::string("bcast ") + ir::binaryOpName(N.BOp) + " " + Dim() + " " +
                           N.Args[0] + " " + N.Args[1],
                       Init(DevOp::BcastInit, {N.Args[0], N.Args[1]})};
  case DevOp::UnaryBcast:
    return Requirement{true, "unary_bcast " + Dim() + " " + N.Args[0],
                       Init(DevOp::UnaryBcastInit, {N.Args[0]})};
  case DevOp::ReuseDestTiles:
    return Requirement{true, std::string("reuse_dest ") + ir::binaryOpName(N.BOp) + " " + N.Args[0],
                       Init(DevOp::ReuseDestInit, {N.Args[0]})};
  case DevOp::TransposeTile:
    return Requirement{true, "transpose " + N.Args[0],
                       Init(DevOp::TransposeInit, {N.Args[0]})};
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

bool isReduce(const Requirement &R) { return R.State.rfind(Reduce, 0) == 0; }

struct EngineState {
  std::string Fpu = Unknown, Sfpu = Unknown;
  bool ReducePacker = false; // reduce_init may have run since reduce_uninit
  bool operator==(const EngineState &O) const {
    return Fpu == O.Fpu && Sfpu == O.Sfpu && ReducePacker == O.ReducePacker;
  }
  bool operator!=(const EngineState &O) const { return !(*this == O); }
  static EngineState join(const EngineState &A, const EngineState &B) {
    EngineState J;
    J.Fpu = A.Fpu == B.Fpu ? A.Fpu : Unknown;
    J.Sfpu = A.Sfpu == B.Sfpu ? A.Sfpu : Unknown;
    J.ReducePacker = A.ReducePacker || B.ReducePacker;
    return J;
  }

  /// Configures an engine for \p R; returns the calls that do it.
  std::vector<DevNode> configure(const Requirement &R) {
    std::vector<DevNode> Calls;
    bool IsReduce = isReduce(R);
    if (R.Fpu && ReducePacker && !IsReduce) {
      Calls.push_back(DevNode::call(DevOp::ReduceUninit, {}));
      ReducePacker = false;
    }
    Calls.push_back(R.Init);
    (R.Fpu ? Fpu : Sfpu) = R.State;
    ReducePacker |= IsReduce;
    return Calls;
  }
};

/// Every configuration \p Nodes needs, per engine.
void collectRequirements(const std::vector<DevNode> &Nodes,
                         std::vector<Requirement> &Fpu, std::vector<Requirement> &Sfpu) {
  for (const DevNode &N : Nodes) {
    if (N.K == DevNode::Kind::Call)
      if (auto R = requirementOf(N)) {
        auto &List = R->Fpu ? Fpu : Sfpu;
        if (std::none_of(List.begin(), List.end(),
                         [&](const Requirement &Q) { return Q.State == R->State; }))
          List.push_back(*R);
      }
    collectRequirements(N.Body, Fpu, Sfpu);
  }
}

/// Walks \p Nodes from state \p S; with \p Insert, adds the inits it needs.
EngineState walk(std::vector<DevNode> &Nodes, EngineState S, bool Insert) {
  std::vector<DevNode> Out;
  for (DevNode &N : Nodes) {
    if (N.K == DevNode::Kind::Loop) {
      // An engine the loop only ever uses one way is configured once, before
      // the loop (as tt-metal's examples call add_tiles_init before theirs).
      std::vector<Requirement> Fpu, Sfpu;
      collectRequirements(N.Body, Fpu, Sfpu);
      std::vector<DevNode> Before;
      // A loop that never reduces undoes a reduce's packer set-up once, before.
      if (S.ReducePacker && !Fpu.empty() &&
          std::none_of(Fpu.begin(), Fpu.end(), [](const Requirement &R) { return isReduce(R); })) {
        Before.push_back(DevNode::call(DevOp::ReduceUninit, {}));
        S.ReducePacker = false;
      }
      for (auto [List, Current] : {std::pair{&Fpu, &S.Fpu}, std::pair{&Sfpu, &S.Sfpu}})
        if (List->size() == 1 && *Current != List->front().State) {
          std::vector<DevNode> Calls = S.configure(List->front());
          Before.insert(Before.end(), Calls.begin(), Calls.end());
        }
      if (Insert) // above the comment that names the loop's source line
        Out.insert(!Out.empty() && Out.back().K == DevNode::Kind::Comment ? Out.end() - 1
                                                                          : Out.end(),
                   Before.begin(), Before.end());
      // State at the loop head: what we enter with, joined with what one
      // iteration leaves behind.
      EngineState AfterOne = walk(N.Body, S, false);
      EngineState Head = EngineState::join(S, AfterOne);
      EngineState End = walk(N.Body, Head, Insert);
      S = EngineState::join(S, End); // the loop may run no iteration
    } else if (N.K == DevNode::Kind::Call) {
      if (auto R = requirementOf(N))
        if ((R->Fpu ? S.Fpu : S.Sfpu) != R->State) {
          std::vector<DevNode> Calls = S.configure(*R);
          if (Insert)
            Out.insert(Out.end(), Calls.begin(), Calls.end());
        }
    }
    if (Insert)
      Out.push_back(std::move(N));
  }
  if (Insert)
    Nodes = std::move(Out);
  return S;
}

/// The first call, in program order, that \p Pred accepts.
template <typename Pred>
const DevNode *firstCall(const std::vector<DevNode> &Nodes, Pred P) {
  for (const DevNode &N : Nodes) {
    if (N.K == DevNode::Kind::Call && P(N))
      return &N;
    if (N.K == DevNode::Kind::Loop)
      if (const DevNode *F = firstCall(N.Body, P))
        return F;
  }
  return nullptr;
}

} // namespace

bool runComputeInit(Program &P, const InitModel &M, Diagnoser &) {
  DeviceKernel &K = P.kernel(KernelRole::Compute);
  if (K.Body.empty())
    return true;

  // The start-up configures unpack, math and pack once, for the first FPU op's
  // operands and the first tensor CB packed into.
  std::set<std::string> OutputCbs;
  for (const CircularBuffer &C : P.Cbs)
    if (C.K == CircularBuffer::Kind::Output)
      OutputCbs.insert(C.Name);
  const DevNode *Pack = firstCall(K.Body, [&](const DevNode &N) {
    return N.Op == DevOp::PackTile && OutputCbs.count(N.Args[1]);
  });
  const DevNode *First = firstCall(K.Body, [](const DevNode &N) {
    auto R = requirementOf(N);
    return R && R->Fpu;
  });
  std::string OutCb = Pack ? Pack->Args[1] : P.Cbs.back().Name;
  DevNode Startup;
  EngineState S;
  bool OneInput = First && (First->Op == DevOp::CopyTile || First->Op == DevOp::TransposeTile);
  if (First && !OneInput) {
    Startup = DevNode::call(DevOp::HwStartup, {First->Args[0], First->Args[1], OutCb});
    Startup.Var = First->Op == DevOp::MatmulTiles ? "matmul" : "binary";
    if (First->Op == DevOp::MatmulTiles && M.MatmulStartupConfiguresMatmul)
      S.Fpu = requirementOf(*First)->State;
  } else {
    std::string In = First ? First->Args[0] : P.Cbs.front().Name;
    Startup = DevNode::call(DevOp::HwStartup, {In, OutCb});
    Startup.Var = "unary";
    if (First && First->Op == DevOp::CopyTile && M.UnaryStartupConfiguresCopy)
      S.Fpu = requirementOf(*First)->State;
  }
  walk(K.Body, S, true);
  K.Body.insert(K.Body.begin(), Startup);
  return true;
}

} // namespace tilesplit
