//===- Dataflow.cpp - The tile dataflow graph of a phase ------------------===//
//
// Walks a phase's statements in program order and builds blocks of compute
// nodes. Every tile read becomes a read site of its block (the same tensor and
// index read twice in one block is one site). Every store to a tensor becomes a
// compute node. A tile local is folded into its single use when that use is in
// the same block (it then lives in DST only); otherwise it gets a compute node
// of its own that packs it into an intermediate CB, read back at each use.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Passes/Passes.h"

#include <map>

namespace tilesplit {
namespace {

using ir::Stmt;

/// How many times each definition of a tile local is used, and whether a use
/// sits in a loop nested below the definition.
struct LocalUse {
  unsigned Count = 0;
  bool InNestedLoop = false;
};

class UseCounter {
public:
  std::map<const Stmt *, LocalUse> Uses;

  void run(const ir::StmtList &Body, unsigned Depth) {
    for (const Stmt &S : Body) {
      if (S.Value)
        count(S.Value, Depth);
      if (S.K == Stmt::Kind::DefineLocal) {
        Current[S.Name] = {&S, Depth};
      }
      if (S.K == Stmt::Kind::Loop)
        run(S.L->Body, Depth + 1);
    }
  }

private:
  void count(const ir::TileExprPtr &E, unsigned Depth) {
    if (E->K == ir::TileExpr::Kind::Local) {
      auto It = Current.find(E->Name);
      if (It != Current.end()) {
        LocalUse &U = Uses[It->second.first];
        ++U.Count;
        U.InNestedLoop |= Depth > It->second.second;
      }
    }
    for (const auto &O : E->Operands)
      count(O, Depth);
  }

  std::map<std::string, std::pair<const Stmt *, unsigned>> Current;
};

class DataflowBuilder {
public:
  DataflowBuilder(Phase &Ph, Diagnoser &D, const std::map<const Stmt *, LocalUse> &Uses)
      : Ph(Ph), D(D), Uses(Uses) {}

  bool build(const ir::StmtList &Body, Block &Out, unsigned Buffers) {
    std::map<std::string, unsigned> BlockSites; // key -> site id in this block
    std::vector<std::string> DefinedHere;
    for (const Stmt &S : Body) {
      switch (S.K) {
      case Stmt::Kind::ScalarDecl: {
        BlockItem It;
        It.K = BlockItem::Kind::ScalarDecl;
        It.Decl = &S;
        Out.Items.push_back(std::move(It));
        break;
      }
      case Stmt::Kind::Loop: {
        // A tile value carried from one iteration to the next is an
        // accumulator: only a reduce loop may have one.
        if (const Stmt *Carried = findCarried(S.L->Body)) {
          D.report(Carried->Src.Loc, diag::UnsupportedStmt)
              << 1 << ("tile '" + Carried->Name +
                       "' is updated across loop iterations; accumulate with "
                       "'+=' in a 'reduce' loop");
          return false;
        }
        BlockItem It;
        It.K = BlockItem::Kind::Loop;
        It.L = S.L.get();
        It.Body = std::make_shared<Block>();
        auto Saved = Env;
        if (!build(S.L->Body, *It.Body, S.L->Buffers))
          return false;
        Env = std::move(Saved); // locals of the loop body end with it
        Out.Items.push_back(std::move(It));
        break;
      }
      case Stmt::Kind::StoreTensor: {
        ComputeNode N;
        N.ToTensor = true;
        N.Tensor = S.Target.Tensor;
        N.Index = S.Target.Index;
        N.Src = S.Src;
        N.Value = lower(S.Value, BlockSites, Buffers);
        if (!N.Value)
          return false;
        addNode(Out, std::move(N));
        break;
      }
      case Stmt::Kind::DefineLocal: {
        auto It = Uses.find(&S);
        LocalUse U = It == Uses.end() ? LocalUse{} : It->second;
        auto Value = lower(S.Value, BlockSites, Buffers);
        if (!Value)
          return false;
        if (U.Count <= 1 && !U.InNestedLoop) {
          Env[S.Name] = Value; // folded into its use, if any
          break;
        }
        IntermediateTile T;
        T.Id = Ph.Intermediates.size();
        T.Name = S.Name;
        T.Buffers = Buffers;
        Ph.Intermediates.push_back(T);
        ComputeNode N;
        N.ToTensor = false;
        N.Intermediate = T.Id;
        N.Value = Value;
        N.Src = S.Src;
        addNode(Out, std::move(N));
        auto Ref = std::make_shared<DfgExpr>();
        Ref->K = DfgExpr::Kind::Intermediate;
        Ref->Id = T.Id;
        Env[S.Name] = Ref;
        Out.EndPops.push_back(T.Id);
        break;
      }
      }
    }
    assignWaitsAndPops(Out);
    return true;
  }

private:
  const Stmt *findCarried(const ir::StmtList &Body) {
    for (const Stmt &S : Body) {
      if (S.K == Stmt::Kind::DefineLocal && Env.count(S.Name))
        return &S;
      if (S.K == Stmt::Kind::Loop)
        if (const Stmt *C = findCarried(S.L->Body))
          return C;
    }
    return nullptr;
  }

  void addNode(Block &Out, ComputeNode N) {
    BlockItem It;
    It.K = BlockItem::Kind::Compute;
    It.Node = std::move(N);
    Out.Items.push_back(std::move(It));
  }

  DfgExprPtr lower(const ir::TileExprPtr &E, std::map<std::string, unsigned> &BlockSites,
                   unsigned Buffers) {
    auto N = std::make_shared<DfgExpr>();
    switch (E->K) {
    case ir::TileExpr::Kind::Read: {
      std::string Key = E->Access.Tensor + "[" + ir::printScalar(E->Access.Index) + "]";
      auto It = BlockSites.find(Key);
      if (It == BlockSites.end()) {
        ReadSite S;
        S.Id = Ph.Sites.size();
        S.Tensor = E->Access.Tensor;
        S.Index = E->Access.Index;
        S.Spelling = E->Access.Spelling;
        S.Buffers = Buffers;
        Ph.Sites.push_back(S);
        It = BlockSites.emplace(Key, S.Id).first;
      }
      N->K = DfgExpr::Kind::Site;
      N->Id = It->second;
      return N;
    }
    case ir::TileExpr::Kind::Local: {
      auto It = Env.find(E->Name);
      if (It == Env.end()) {
        D.report(E->Loc, diag::UndefinedTileLocal) << E->Name;
        return nullptr;
      }
      return It->second;
    }
    case ir::TileExpr::Kind::Binary:
      N->K = DfgExpr::Kind::Binary;
      break;
    case ir::TileExpr::Kind::ScalarBinary:
      N->K = DfgExpr::Kind::ScalarBinary;
      break;
    case ir::TileExpr::Kind::Unary:
      N->K = DfgExpr::Kind::Unary;
      break;
    case ir::TileExpr::Kind::Fill:
      N->K = DfgExpr::Kind::Fill;
      break;
    }
    N->BOp = E->BOp;
    N->UOp = E->UOp;
    N->Scalar = E->Scalar;
    N->ScalarOnLeft = E->ScalarOnLeft;
    for (const auto &O : E->Operands) {
      auto L = lower(O, BlockSites, Buffers);
      if (!L)
        return nullptr;
      N->Operands.push_back(L);
    }
    return N;
  }

  static void collectSites(const DfgExprPtr &E, std::vector<unsigned> &Out) {
    if (E->K == DfgExpr::Kind::Site &&
        std::find(Out.begin(), Out.end(), E->Id) == Out.end())
      Out.push_back(E->Id);
    for (const auto &O : E->Operands)
      collectSites(O, Out);
  }

  /// The first node of the block that uses a site waits for it; the last pops.
  void assignWaitsAndPops(Block &B) {
    std::map<unsigned, ComputeNode *> First, Last;
    std::vector<unsigned> Order;
    for (BlockItem &It : B.Items) {
      if (It.K != BlockItem::Kind::Compute)
        continue;
      std::vector<unsigned> Sites;
      collectSites(It.Node.Value, Sites);
      for (unsigned S : Sites) {
        if (!First.count(S)) {
          First[S] = &It.Node;
          Order.push_back(S);
        }
        Last[S] = &It.Node;
      }
    }
    for (unsigned S : Order) {
      First[S]->WaitSites.push_back(S);
      Last[S]->PopSites.push_back(S);
    }
  }

  Phase &Ph;
  Diagnoser &D;
  const std::map<const Stmt *, LocalUse> &Uses;
  std::map<std::string, DfgExprPtr> Env;
};

} // namespace

bool runDataflow(Program &P, Diagnoser &D) {
  for (Phase &Ph : P.Phases) {
    UseCounter Counter;
    ir::StmtList RootOnly;
    const ir::StmtList *Body;
    unsigned Buffers;
    if (Ph.ParallelLoops.empty()) {
      Stmt Root;
      Root.K = Stmt::Kind::Loop;
      Root.L = Ph.Root;
      Root.Src = Ph.Root->Src;
      RootOnly.push_back(Root);
      Body = &RootOnly;
      Buffers = Ph.Root->Buffers;
    } else {
      Body = &Ph.ParallelLoops.back()->Body;
      Buffers = Ph.ParallelLoops.back()->Buffers;
    }
    Counter.run(*Body, 0);
    DataflowBuilder Builder(Ph, D, Counter.Uses);
    if (!Builder.build(*Body, Ph.Body, Buffers))
      return false;
  }
  return true;
}

} // namespace tilesplit
