//===- Dataflow.cpp - The tile dataflow graph of a phase ------------------===//
//
// Walks a phase's statements in program order and builds blocks of compute
// nodes. Every tile read becomes a read site of its block (the same tensor and
// index read twice in one block is one site). Every store to a tensor becomes a
// compute node. A tile local is folded into its single use when that use is in
// the same block (it then lives in DST only); otherwise it gets a compute node
// of its own that packs it into an intermediate CB, read back at each use.
//
// The FPU reads the operands of a reduction, a broadcast or a transpose
// straight from CBs. When such an operand is computed (exp(x), the
// accumulator, ...), it is materialised: a compute node of its own packs it
// into a temporary intermediate CB that the operation then reads.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Passes/Passes.h"

#include <map>
#include <optional>

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

  /// Counts the uses in \p Body, then takes back those made by definitions
  /// that are never used themselves (transitively): `Tile u = t;` with u dead
  /// does not make t a local used twice, which would cost it a CB.
  void run(const ir::StmtList &Body) {
    walk(Body, 0);
    std::vector<const Stmt *> Dead;
    for (const auto &[Def, Used] : UsedBy)
      if (Uses[Def].Count == 0)
        Dead.push_back(Def);
    while (!Dead.empty()) {
      const Stmt *Def = Dead.back();
      Dead.pop_back();
      for (const Stmt *Used : UsedBy[Def])
        if (--Uses[Used].Count == 0)
          Dead.push_back(Used);
    }
  }

private:
  void walk(const ir::StmtList &Body, unsigned Depth) {
    for (const Stmt &S : Body) {
      if (S.K == Stmt::Kind::DefineLocal)
        UsedBy[&S]; // a definition, used or not
      if (S.Value)
        count(S.Value, Depth, S.K == Stmt::Kind::DefineLocal ? &S : nullptr);
      if (S.K == Stmt::Kind::DefineLocal)
        Current[S.Name] = {&S, Depth};
      if (S.K == Stmt::Kind::Loop)
        walk(S.L->Body, Depth + 1);
    }
  }

  void count(const ir::TileExprPtr &E, unsigned Depth, const Stmt *InDefinition) {
    if (E->K == ir::TileExpr::Kind::Local) {
      auto It = Current.find(E->Name);
      if (It != Current.end()) {
        LocalUse &U = Uses[It->second.first];
        ++U.Count;
        U.InNestedLoop |= Depth > It->second.second;
        if (InDefinition)
          UsedBy[InDefinition].push_back(It->second.first);
      }
    }
    for (const auto &O : E->Operands)
      count(O, Depth, InDefinition);
  }

  std::map<std::string, std::pair<const Stmt *, unsigned>> Current;
  /// For each definition, the definitions its value uses (once per use).
  std::map<const Stmt *, std::vector<const Stmt *>> UsedBy;
};

class DataflowBuilder {
public:
  DataflowBuilder(Phase &Ph, Diagnoser &D, const std::map<const Stmt *, LocalUse> &Uses)
      : Ph(Ph), D(D), Uses(Uses) {}

  bool build(const ir::StmtList &Body, Block &Out, unsigned Buffers) {
    std::map<std::string, unsigned> BlockSites; // key -> site id in this block
    for (size_t Index = 0; Index < Body.size(); ++Index) {
      const Stmt &S = Body[Index];
      if (S.K == Stmt::Kind::DefineLocal) {
        std::optional<size_t> Next;
        if (!accumulation(Body, Index, BlockSites, Buffers, Out, Next))
          return false;
        if (Next) {
          Index = *Next;
          continue;
        }
      }
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
        clang::SourceLocation SavedBuffersLoc = BuffersLoc;
        BuffersLoc = S.L->BuffersLoc;
        if (!build(S.L->Body, *It.Body, S.L->Buffers))
          return false;
        BuffersLoc = SavedBuffersLoc;
        Env = std::move(Saved); // locals of the loop body end with it
        Out.Items.push_back(std::move(It));
        break;
      }
      case Stmt::Kind::StoreTensor: {
        ComputeNode N;
        N.ToTensor = true;
        N.Tensor = S.Target.Tensor;
        N.Index = S.Target.Index;
        N.Spelling = S.Target.Spelling;
        N.Src = S.Src;
        CurrentSrc = S.Src;
        N.Value = lower(S.Value, BlockSites, Buffers, Out);
        if (!N.Value)
          return false;
        addNode(Out, std::move(N));
        break;
      }
      case Stmt::Kind::DefineLocal: {
        auto It = Uses.find(&S);
        LocalUse U = It == Uses.end() ? LocalUse{} : It->second;
        CurrentSrc = S.Src;
        auto Value = lower(S.Value, BlockSites, Buffers, Out);
        if (!Value)
          return false;
        if (U.Count <= 1 && !U.InNestedLoop) {
          Env[S.Name] = Value; // folded into its use, if any
          break;
        }
        ComputeNode N;
        N.Value = Value;
        N.Src = S.Src;
        defineIntermediate(S, std::move(N), Buffers, Out);
        break;
      }
      }
    }
    assignWaitsAndPops(Out);
    return true;
  }

private:
  /// The accumulation pattern:
  ///   Tile acc = init;                        // zeros(), fill(v) or any tile
  ///   #pragma tt tile_loop reduce
  ///   for (...) acc += <tile expression>;      // e.g. matmul(A.tile(m, k), B.tile(k, n))
  ///   T.tile(...) = <expression of acc>;       // the epilogue, e.g. relu(acc + D.tile(m, n))
  /// The accumulator stays in DST slot 0 from before the loop to the epilogue's
  /// pack. On a match, \p Next is the index of the epilogue statement.
  bool accumulation(const ir::StmtList &Body, size_t Index,
                    std::map<std::string, unsigned> &BlockSites, unsigned Buffers,
                    Block &Out, std::optional<size_t> &Next) {
    const Stmt &Def = Body[Index];
    size_t LoopAt = Index + 1;
    while (LoopAt < Body.size() && Body[LoopAt].K == Stmt::Kind::ScalarDecl)
      ++LoopAt;
    if (LoopAt >= Body.size() || Body[LoopAt].K != Stmt::Kind::Loop ||
        Body[LoopAt].L->Kind != ir::LoopKind::Reduce)
      return true;
    const ir::Loop &L = *Body[LoopAt].L;
    const Stmt *Update = nullptr;
    for (const Stmt &S : L.Body) {
      if (S.K == Stmt::Kind::ScalarDecl)
        continue;
      bool IsUpdate = S.K == Stmt::Kind::DefineLocal && S.Name == Def.Name &&
                      S.Value->K == ir::TileExpr::Kind::Binary &&
                      S.Value->BOp == ir::BinaryOp::Add &&
                      S.Value->Operands[0]->K == ir::TileExpr::Kind::Local &&
                      S.Value->Operands[0]->Name == Def.Name;
      if (!IsUpdate || Update) {
        D.report(S.Src.Loc, diag::UnsupportedStmt)
            << 1 << ("a reduce loop holds one accumulation, '" + Def.Name + " += ...'");
        return false;
      }
      Update = &S;
    }
    if (!Update)
      return true;
    size_t StoreAt = LoopAt + 1;
    while (StoreAt < Body.size() && Body[StoreAt].K == Stmt::Kind::ScalarDecl)
      ++StoreAt;
    if (StoreAt >= Body.size() ||
        (Body[StoreAt].K != Stmt::Kind::StoreTensor &&
         !(Body[StoreAt].K == Stmt::Kind::DefineLocal && Body[StoreAt].Name != Def.Name)) ||
        countLocal(Body[StoreAt].Value, Def.Name) != 1) {
      D.report(L.Src.Loc, diag::UnsupportedStmt)
          << 1 << ("the accumulator '" + Def.Name +
                   "' must be used once, by the tensor store or tile definition right "
                   "after its reduce loop");
      return false;
    }
    for (size_t I = StoreAt + 1; I < Body.size(); ++I)
      if (usesLocal(Body[I], Def.Name)) {
        D.report(Body[I].Src.Loc, diag::UnsupportedStmt)
            << 1 << ("the accumulator '" + Def.Name + "' is gone after the store that uses it");
        return false;
      }

    // acc = init: nothing to do for zeros(), DST is zero at acquire.
    BlockItem Begin;
    Begin.K = BlockItem::Kind::AccumulatorBegin;
    Begin.AccSrc = Def.Src;
    bool Zero = Def.Value->K == ir::TileExpr::Kind::Fill &&
                Def.Value->Scalar->K == ir::ScalarExpr::Kind::FloatLiteral &&
                std::stod(Def.Value->Scalar->Text) == 0.0;
    if (!Zero) {
      CurrentSrc = Def.Src;
      Begin.AccInit = lower(Def.Value, BlockSites, Buffers, Out);
      if (!Begin.AccInit)
        return false;
      std::vector<unsigned> Sites;
      collectSites(Begin.AccInit, Sites);
      if (!Sites.empty()) {
        D.report(Def.Src.Loc, diag::UnsupportedStmt)
            << 1 << "an accumulator starts from zeros() or fill(v)";
        return false;
      }
    }
    Out.Items.push_back(std::move(Begin));
    AccLive = true;
    AccName = Def.Name;
    for (size_t I = Index + 1; I < LoopAt; ++I)
      pushDecl(Body[I], Out);

    // The loop: one accumulation step per iteration.
    BlockItem Loop;
    Loop.K = BlockItem::Kind::Loop;
    Loop.L = &L;
    Loop.Body = std::make_shared<Block>();
    std::map<std::string, unsigned> LoopSites;
    for (const Stmt &S : L.Body) {
      if (S.K == Stmt::Kind::ScalarDecl) {
        pushDecl(S, *Loop.Body);
        continue;
      }
      if (countLocal(S.Value->Operands[1], Def.Name)) {
        D.report(S.Src.Loc, diag::UnsupportedStmt)
            << 1 << "an accumulation step cannot read the accumulator";
        return false;
      }
      ComputeNode Step;
      Step.R = ComputeNode::Role::AccumulateStep;
      Step.Src = S.Src;
      CurrentSrc = S.Src;
      InStep = true;
      clang::SourceLocation SavedBuffersLoc = BuffersLoc;
      BuffersLoc = L.BuffersLoc;
      Step.Value = lower(S.Value->Operands[1], LoopSites, L.Buffers, *Loop.Body);
      BuffersLoc = SavedBuffersLoc;
      InStep = false;
      if (!Step.Value)
        return false;
      addNode(*Loop.Body, std::move(Step));
    }
    assignWaitsAndPops(*Loop.Body);
    std::shared_ptr<Block> Steps = Loop.Body;
    Out.Items.push_back(std::move(Loop));
    for (size_t I = LoopAt + 1; I < StoreAt; ++I)
      pushDecl(Body[I], Out);

    // The epilogue: the store (or tile definition) that reads the accumulator.
    // It packs the accumulator, unless an operand that must be in a CB
    // materialised the accumulator first (row_sum(acc)); it is then a node of
    // its own.
    const Stmt &Store = Body[StoreAt];
    auto Acc = std::make_shared<DfgExpr>();
    Acc->K = DfgExpr::Kind::Accumulator;
    Env[Def.Name] = Acc;
    ComputeNode Epilogue;
    Epilogue.Src = Store.Src;
    CurrentSrc = Store.Src;
    size_t FirstEpilogueItem = Out.Items.size();
    Epilogue.Value = lower(Store.Value, BlockSites, Buffers, Out);
    Env.erase(Def.Name);
    if (!Epilogue.Value)
      return false;
    Epilogue.R = containsAccumulator(Epilogue.Value) ? ComputeNode::Role::Epilogue
                                                     : ComputeNode::Role::Full;
    AccLive = false;
    if (Store.K == Stmt::Kind::StoreTensor) {
      Epilogue.Tensor = Store.Target.Tensor;
      Epilogue.Index = Store.Target.Index;
      Epilogue.Spelling = Store.Target.Spelling;
      addNode(Out, std::move(Epilogue));
    } else {
      defineIntermediate(Store, std::move(Epilogue), Buffers, Out);
    }
    // The steps pack nothing, but a reduction's init names the CB the
    // accumulator is finally packed into.
    for (size_t I = FirstEpilogueItem; I < Out.Items.size(); ++I) {
      const ComputeNode &E = Out.Items[I].Node;
      if (Out.Items[I].K != BlockItem::Kind::Compute || E.R != ComputeNode::Role::Epilogue)
        continue;
      for (BlockItem &StepItem : Steps->Items)
        if (StepItem.K == BlockItem::Kind::Compute) {
          StepItem.Node.ToTensor = E.ToTensor;
          StepItem.Node.Tensor = E.Tensor;
          StepItem.Node.Index = E.Index;
          StepItem.Node.Intermediate = E.Intermediate;
        }
    }
    Next = StoreAt;
    return true;
  }

  /// A tile local computed by \p N and packed into an intermediate CB of its
  /// own, read back at each use.
  void defineIntermediate(const Stmt &S, ComputeNode N, unsigned Buffers, Block &Out) {
    Env[S.Name] = addIntermediate(S.Name, std::move(N), Buffers, Out);
  }

  /// Adds \p N to \p Out, packing into a new intermediate CB that is popped
  /// when the block ends; returns the leaf that reads it.
  DfgExprPtr addIntermediate(const std::string &Name, ComputeNode N, unsigned Buffers,
                             Block &Out) {
    IntermediateTile T;
    T.Id = Ph.Intermediates.size();
    T.Name = Name;
    T.Buffers = Buffers;
    T.BuffersLoc = BuffersLoc;
    T.Loc = N.Src.Loc;
    Ph.Intermediates.push_back(T);
    N.ToTensor = false;
    N.Intermediate = T.Id;
    addNode(Out, std::move(N));
    Out.EndPops.push_back(T.Id);
    auto Ref = std::make_shared<DfgExpr>();
    Ref->K = DfgExpr::Kind::Intermediate;
    Ref->Id = T.Id;
    return Ref;
  }

  void pushDecl(const Stmt &S, Block &Out) {
    BlockItem It;
    It.K = BlockItem::Kind::ScalarDecl;
    It.Decl = &S;
    Out.Items.push_back(std::move(It));
  }

  static unsigned countLocal(const ir::TileExprPtr &E, const std::string &Name) {
    unsigned N = E->K == ir::TileExpr::Kind::Local && E->Name == Name;
    for (const auto &O : E->Operands)
      N += countLocal(O, Name);
    return N;
  }

  static bool usesLocal(const Stmt &S, const std::string &Name) {
    if (S.Value && countLocal(S.Value, Name))
      return true;
    if (S.K == Stmt::Kind::Loop)
      for (const Stmt &C : S.L->Body)
        if (usesLocal(C, Name))
          return true;
    return false;
  }

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
                   unsigned Buffers, Block &Out) {
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
        S.BuffersLoc = BuffersLoc;
        S.Loc = E->Loc;
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
    case ir::TileExpr::Kind::Matmul:
      N->K = DfgExpr::Kind::Matmul;
      break;
    case ir::TileExpr::Kind::Reduce:
      N->K = DfgExpr::Kind::Reduce;
      break;
    case ir::TileExpr::Kind::Broadcast:
      N->K = DfgExpr::Kind::Broadcast;
      break;
    case ir::TileExpr::Kind::Transpose:
      N->K = DfgExpr::Kind::Transpose;
      break;
    }
    N->ROp = E->ROp;
    N->Dim = E->Dim;
    N->BOp = E->BOp;
    N->UOp = E->UOp;
    N->Scalar = E->Scalar;
    N->ScalarOnLeft = E->ScalarOnLeft;
    for (const auto &O : E->Operands) {
      auto L = lower(O, BlockSites, Buffers, Out);
      if (!L)
        return nullptr;
      N->Operands.push_back(L);
    }
    if (!fpuOperandsInCbs(N, E->Loc, Buffers, Out))
      return nullptr;
    return withinDepthLimit(N) ? N : nullptr;
  }

  /// Sets \p N's depth, and reports it if that is past the limit. The frontend
  /// bounded each statement's expression; folding a tile local into its use
  /// adds the local's depth to the use's, so a chain of them can grow past it.
  bool withinDepthLimit(const std::shared_ptr<DfgExpr> &N) {
    for (const DfgExprPtr &O : N->Operands)
      N->Depth = std::max(N->Depth, O->Depth + 1);
    if (N->Depth <= ir::MaxNestingDepth)
      return true;
    D.report(CurrentSrc.Loc, diag::ExpressionTooDeep) << 0 << 1;
    D.report(CurrentSrc.Loc, diag::NoteNestingLimit) << ir::MaxNestingDepth;
    return false;
  }

  static bool isCbLeaf(const DfgExprPtr &E) {
    return E->K == DfgExpr::Kind::Site || E->K == DfgExpr::Kind::Intermediate;
  }

  static bool containsAccumulator(const DfgExprPtr &E) {
    if (E->K == DfgExpr::Kind::Accumulator)
      return true;
    for (const auto &O : E->Operands)
      if (containsAccumulator(O))
        return true;
    return false;
  }

  /// Reductions, broadcasts and transposes read their operands from CBs; a
  /// broadcast is the operand of a binary op whose other operand is a CB tile.
  /// Computed operands are materialised; a broadcast on the left of a
  /// commutative op moves to the right.
  DfgExprPtr fpuOperandsInCbs(std::shared_ptr<DfgExpr> N, clang::SourceLocation Loc,
                              unsigned Buffers, Block &Out) {
    switch (N->K) {
    case DfgExpr::Kind::Reduce:
    case DfgExpr::Kind::Broadcast:
    case DfgExpr::Kind::Transpose:
      if (!isCbLeaf(N->Operands[0]) &&
          !(N->Operands[0] = materialise(N->Operands[0], Loc, Buffers, Out)))
        return nullptr;
      return N;
    case DfgExpr::Kind::Binary: {
      bool LB = N->Operands[0]->K == DfgExpr::Kind::Broadcast,
           RB = N->Operands[1]->K == DfgExpr::Kind::Broadcast;
      if (!LB && !RB)
        return N;
      if (LB && RB) {
        D.report(Loc, diag::UnsupportedExpr)
            << "only one operand of a binary op can be broadcast";
        return nullptr;
      }
      if (LB && N->BOp != ir::BinaryOp::Sub)
        std::swap(N->Operands[0], N->Operands[1]);
      DfgExprPtr &Other = N->Operands[LB && N->BOp == ir::BinaryOp::Sub ? 1 : 0];
      if (!isCbLeaf(Other) && !(Other = materialise(Other, Loc, Buffers, Out)))
        return nullptr;
      return N;
    }
    default:
      return N;
    }
  }

  /// A compute node of its own that packs \p Value into a new intermediate CB,
  /// placed before the node being built. While the accumulator holds DST, the
  /// only value that can be packed is one that reads it (the pack then ends the
  /// accumulation).
  DfgExprPtr materialise(const DfgExprPtr &Value, clang::SourceLocation Loc,
                         unsigned Buffers, Block &Out) {
    bool ReadsAcc = containsAccumulator(Value);
    if (AccLive && !ReadsAcc) {
      D.report(Loc, diag::UnsupportedExpr)
          << (InStep ? "in an accumulation step, the operand of a reduction, broadcast "
                       "or transpose must be a tile read from a tensor; accumulate first "
                       "and reduce the accumulator after the loop"
                     : "this operand would need DST while the accumulator holds it; "
                       "use the accumulator first");
      return nullptr;
    }
    ComputeNode N;
    N.R = ReadsAcc ? ComputeNode::Role::Epilogue : ComputeNode::Role::Full;
    N.Value = Value;
    N.Src = CurrentSrc;
    if (ReadsAcc)
      AccLive = false;
    std::string Name = Value->K == DfgExpr::Kind::Unary ? ir::unaryOpName(Value->UOp)
                       : ReadsAcc                        ? AccName
                                                         : "tmp";
    DfgExprPtr Ref = addIntermediate(Name, std::move(N), Buffers, Out);
    Ph.Intermediates.back().Computed = true;
    return Ref;
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
  // The statement being lowered (materialised nodes name its line), and the
  // accumulator while it holds DST: from its definition until it is packed.
  ir::SourceRef CurrentSrc;
  bool AccLive = false, InStep = false;
  std::string AccName;

public:
  /// The `buffers(N)` clause, if any, of the innermost tile loop being
  /// lowered, which sets the pages of the CBs it streams (MemorySpace points
  /// the L1-budget error at it).
  clang::SourceLocation BuffersLoc;
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
    Counter.run(*Body);
    DataflowBuilder Builder(Ph, D, Counter.Uses);
    Builder.BuffersLoc = Ph.ParallelLoops.empty() ? Ph.Root->BuffersLoc
                                                  : Ph.ParallelLoops.back()->BuffersLoc;
    if (!Builder.build(*Body, Ph.Body, Buffers))
      return false;
  }
  return true;
}

} // namespace tilesplit
