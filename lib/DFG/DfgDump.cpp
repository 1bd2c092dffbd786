//===- DfgDump.cpp - The tile dataflow graph as Graphviz DOT or JSON -------===//
//
// Both formats print one graph model, built by walking each phase's blocks in
// program order:
//   read          a read site: one tile streamed by the reader into an input CB
//   op            an operation of a compute node, evaluated in DST
//   intermediate  a tile local packed into an intermediate CB, read back later
//   accumulator   an accumulator held in DST slot 0 across a reduce loop
//   write         a tensor store: packed into an output CB, written by the writer
// Edges go from an operand to its user. Operations shared by two uses (a tile
// local folded into its single use) are one node; a read site is one node
// however many operations use it. Tile loops below the parallel ones are
// clusters, nested as the loops are.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Passes/DfgDump.h"

#include "tilesplit/Passes/Passes.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace tilesplit {
namespace {

struct GLoop {
  std::string Id, Kind, Var, Begin, End;
  unsigned Buffers = 2;
  int Parent = -1; // index into GPhase::Loops, -1 for the phase body
};

struct GNode {
  std::string Id, Kind, Label;
  int Loop = -1;
  // Attributes; empty or -1 when they do not apply to the kind.
  std::string Tensor, Spelling, Index, Op, Scalar;
  bool ScalarOnLeft = false;
  int Cb = -1;
  unsigned Pages = 0;
};

struct GEdge {
  std::string From, To;
  int Operand = -1;  // operand position for an op's inputs
  std::string Label; // "lhs"/"rhs" where order matters, "+=" or "init"
};

/// One compute node: DST acquired, the math, one pack (or an accumulation step).
struct GCompute {
  std::string Id, Role, Value, Into, Source;
  unsigned Line = 0;
  int Loop = -1;
  std::vector<std::string> Waits, Pops;
};

struct GPhase {
  // The parallel loops: variable, begin, end.
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>> Parallel;
  std::string Units;
  std::vector<GLoop> Loops;
  std::vector<GNode> Nodes;
  std::vector<GEdge> Edges;
  std::vector<GCompute> Computes;
};

/// Scalars as the user wrote them: `a.num_tiles()`, not a runtime argument.
std::string sourceScalar(const ir::ScalarExprPtr &E) {
  return ir::printScalar(E, {ir::ScalarPrintPolicy::DimStyle::SourceCall});
}

const char *roleName(ComputeNode::Role R) {
  switch (R) {
  case ComputeNode::Role::Full: return "full";
  case ComputeNode::Role::AccumulateStep: return "accumulate_step";
  case ComputeNode::Role::Epilogue: return "epilogue";
  }
  return "?";
}

std::string cbText(const CircularBuffer &C) {
  return "c_" + std::to_string(C.Index) + ", " + std::to_string(C.Pages) +
         (C.Pages == 1 ? " page" : " pages");
}

/// Walks one phase. Node ids are unique across the program (counters are
/// shared by all phases).
class GraphBuilder {
public:
  GraphBuilder(const Program &P, unsigned &NextNode, unsigned &NextCompute,
               unsigned &NextAcc, unsigned &NextWrite)
      : P(P), NextNode(NextNode), NextCompute(NextCompute), NextAcc(NextAcc),
        NextWrite(NextWrite) {}

  GPhase build(const Phase &Ph) {
    this->Ph = &Ph;
    SiteIds.assign(Ph.Sites.size(), "");
    IntermediateIds.assign(Ph.Intermediates.size(), "");
    for (const ir::Loop *L : Ph.ParallelLoops)
      G.Parallel.push_back({L->Var, {sourceScalar(L->Begin), sourceScalar(L->End)}});
    G.Units = sourceScalar(Ph.Units);
    block(Ph.Body);
    return std::move(G);
  }

private:
  void block(const Block &B) {
    for (const BlockItem &It : B.Items) {
      switch (It.K) {
      case BlockItem::Kind::Loop: {
        GLoop L;
        L.Id = "L" + std::to_string(G.Loops.size());
        L.Kind = ir::loopKindName(It.L->Kind);
        L.Var = It.L->Var;
        L.Begin = sourceScalar(It.L->Begin);
        L.End = sourceScalar(It.L->End);
        L.Buffers = It.L->Buffers;
        L.Parent = CurLoop;
        int Saved = CurLoop;
        CurLoop = G.Loops.size();
        G.Loops.push_back(L);
        block(*It.Body);
        CurLoop = Saved;
        break;
      }
      case BlockItem::Kind::Compute:
        compute(It.Node);
        break;
      case BlockItem::Kind::AccumulatorBegin: {
        GNode N = node("acc" + std::to_string(NextAcc++), "accumulator");
        N.Label = "accumulator\nDST slot 0";
        if (!It.AccInit)
          N.Label += "\nstarts at zeros()";
        // An initial value other than zeros() is computed into slot 0 when
        // DST is acquired, before the loop.
        if (It.AccInit)
          G.Edges.push_back({expr(It.AccInit), N.Id, -1, "init"});
        CurrentAcc = N.Id;
        G.Nodes.push_back(N);
        break;
      }
      case BlockItem::Kind::ScalarDecl:
        break; // scalars are not tiles
      }
    }
  }

  void compute(const ComputeNode &N) {
    GCompute C;
    C.Id = "c" + std::to_string(NextCompute++);
    C.Role = roleName(N.R);
    C.Line = N.Src.Line;
    C.Source = N.Src.Text;
    C.Loop = CurLoop;
    for (unsigned S : N.WaitSites)
      C.Waits.push_back(site(S));
    C.Value = expr(N.Value);
    for (unsigned S : N.PopSites)
      C.Pops.push_back(site(S));
    if (N.R == ComputeNode::Role::AccumulateStep) {
      C.Into = CurrentAcc;
      G.Edges.push_back({C.Value, C.Into, -1, "+="});
    } else if (N.ToTensor) {
      GNode W = node("w" + std::to_string(NextWrite++), "write");
      const CircularBuffer &Cb = P.cb(outputCbOf(P, *Ph, N));
      W.Tensor = N.Tensor;
      W.Spelling = N.Spelling.empty() ? N.Tensor + ".tile(...)" : N.Spelling;
      W.Index = sourceScalar(N.Index);
      W.Cb = Cb.Index;
      W.Pages = Cb.Pages;
      W.Label = W.Spelling + "\n" + cbText(Cb);
      C.Into = W.Id;
      G.Nodes.push_back(W);
      G.Edges.push_back({C.Value, C.Into, -1, ""});
    } else {
      const IntermediateTile &T = Ph->Intermediates[N.Intermediate];
      GNode I = node("i" + std::to_string(T.Id), "intermediate");
      const CircularBuffer &Cb = P.cb(T.Cb);
      I.Spelling = T.Name;
      I.Cb = Cb.Index;
      I.Pages = Cb.Pages;
      // Named by its CB: a tile local (cb_d for `Tile d`) or an operand the
      // Dataflow pass materialised (cb_exp for the exp(...) under a broadcast).
      I.Label = Cb.Name + "\n" + cbText(Cb);
      IntermediateIds[T.Id] = I.Id;
      C.Into = I.Id;
      G.Nodes.push_back(I);
      G.Edges.push_back({C.Value, C.Into, -1, ""});
    }
    G.Computes.push_back(C);
  }

  /// The node of read site \p S, created where it is first used.
  std::string site(unsigned S) {
    if (!SiteIds[S].empty())
      return SiteIds[S];
    const ReadSite &RS = Ph->Sites[S];
    GNode N = node("s" + std::to_string(S), "read");
    const CircularBuffer &Cb = P.cb(RS.Cb);
    N.Tensor = RS.Tensor;
    N.Spelling = RS.Spelling;
    N.Index = sourceScalar(RS.Index);
    N.Cb = Cb.Index;
    N.Pages = Cb.Pages;
    N.Label = RS.Spelling + "\n" + cbText(Cb);
    G.Nodes.push_back(N);
    return SiteIds[S] = N.Id;
  }

  /// The node computing \p E: operands first, so ids follow evaluation order.
  std::string expr(const DfgExprPtr &E) {
    switch (E->K) {
    case DfgExpr::Kind::Site:
      return site(E->Id);
    case DfgExpr::Kind::Intermediate:
      return IntermediateIds[E->Id];
    case DfgExpr::Kind::Accumulator:
      return CurrentAcc;
    default:
      break;
    }
    if (auto It = OpIds.find(E.get()); It != OpIds.end())
      return It->second;
    std::vector<std::string> Operands;
    for (const DfgExprPtr &O : E->Operands)
      Operands.push_back(expr(O));
    GNode N = node("n" + std::to_string(NextNode++), "op");
    bool Ordered = false; // whether operand order changes the result
    switch (E->K) {
    case DfgExpr::Kind::Binary:
      N.Op = ir::binaryOpName(E->BOp);
      N.Label = N.Op;
      Ordered = E->BOp == ir::BinaryOp::Sub;
      break;
    case DfgExpr::Kind::ScalarBinary: {
      N.Op = ir::binaryOpName(E->BOp);
      N.Scalar = sourceScalar(E->Scalar);
      N.ScalarOnLeft = E->ScalarOnLeft;
      std::string Sym = ir::binaryOpSymbol(E->BOp);
      // "_" stands for the tile operand: "_ * alpha", "1.0f - _".
      N.Label = E->ScalarOnLeft ? N.Scalar + " " + Sym + " _" : "_ " + Sym + " " + N.Scalar;
      break;
    }
    case DfgExpr::Kind::Unary:
      N.Op = ir::unaryOpName(E->UOp);
      N.Label = N.Op;
      break;
    case DfgExpr::Kind::Fill:
      N.Op = "fill";
      N.Scalar = sourceScalar(E->Scalar);
      N.Label = "fill(" + N.Scalar + ")";
      break;
    case DfgExpr::Kind::Matmul:
      N.Op = "matmul";
      N.Label = N.Op;
      Ordered = true;
      break;
    case DfgExpr::Kind::Reduce:
      N.Op = ir::reduceName(E->ROp, E->Dim);
      N.Label = N.Op;
      break;
    case DfgExpr::Kind::Broadcast:
      N.Op = ir::broadcastName(E->Dim);
      N.Label = N.Op;
      break;
    case DfgExpr::Kind::Transpose:
      N.Op = "transpose";
      N.Label = N.Op;
      break;
    default:
      N.Op = "op";
      N.Label = N.Op;
      break;
    }
    G.Nodes.push_back(N);
    OpIds[E.get()] = N.Id;
    for (size_t I = 0; I < Operands.size(); ++I)
      G.Edges.push_back({Operands[I], N.Id, int(I),
                         Ordered && Operands.size() == 2 ? (I == 0 ? "lhs" : "rhs") : ""});
    return N.Id;
  }

  GNode node(std::string Id, const char *Kind) {
    GNode N;
    N.Id = std::move(Id);
    N.Kind = Kind;
    N.Loop = CurLoop;
    return N;
  }

  const Program &P;
  const Phase *Ph = nullptr;
  unsigned &NextNode, &NextCompute, &NextAcc, &NextWrite;
  GPhase G;
  int CurLoop = -1;
  std::string CurrentAcc;
  std::vector<std::string> SiteIds, IntermediateIds;
  std::map<const DfgExpr *, std::string> OpIds;
};

std::vector<GPhase> buildGraph(const Program &P) {
  std::vector<GPhase> Phases;
  unsigned NextNode = 0, NextCompute = 0, NextAcc = 0, NextWrite = 0;
  for (const Phase &Ph : P.Phases)
    Phases.push_back(GraphBuilder(P, NextNode, NextCompute, NextAcc, NextWrite).build(Ph));
  return Phases;
}

//===----------------------------------------------------------------------===//
// DOT
//===----------------------------------------------------------------------===//

/// A DOT string literal: quotes and backslashes escaped, line breaks as \n.
std::string quote(const std::string &S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\')
      Out += '\\';
    if (C == '\n') {
      Out += "\\n";
      continue;
    }
    Out += C;
  }
  return Out + "\"";
}

const char *nodeStyle(const std::string &Kind) {
  if (Kind == "read")
    return "shape=box, style=filled, fillcolor=\"#dbe8f6\"";
  if (Kind == "write")
    return "shape=box, style=filled, fillcolor=\"#d5ecd4\"";
  if (Kind == "intermediate")
    return "shape=box, style=\"filled,rounded\", fillcolor=\"#fbe3c9\"";
  if (Kind == "accumulator")
    return "shape=box, style=\"filled,bold\", fillcolor=\"#f3d5e6\"";
  return "shape=ellipse, style=filled, fillcolor=\"#fdf6d8\"";
}

void printDotNodes(llvm::raw_ostream &OS, const GPhase &G, int Loop, unsigned Indent) {
  for (const GNode &N : G.Nodes)
    if (N.Loop == Loop)
      OS.indent(Indent) << N.Id << " [label=" << quote(N.Label) << ", " << nodeStyle(N.Kind)
                        << "];\n";
  for (size_t I = 0; I < G.Loops.size(); ++I) {
    const GLoop &L = G.Loops[I];
    if (L.Parent != Loop)
      continue;
    OS.indent(Indent) << "subgraph cluster_" << L.Id << " {\n";
    OS.indent(Indent + 2) << "label="
                          << quote(L.Kind + " " + L.Var + " in [" + L.Begin + ", " + L.End +
                                   ")")
                          << ";\n";
    OS.indent(Indent + 2) << "style=dashed;\n";
    printDotNodes(OS, G, int(I), Indent + 2);
    OS.indent(Indent) << "}\n";
  }
}

std::string printDot(const Program &P, const std::vector<GPhase> &Phases) {
  const ir::Kernel &K = *P.Source;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "// The tile dataflow graph of kernel '" << K.Name << "' ("
     << llvm::sys::path::filename(K.File) << "), from tilesplit --dump-dfg=dot.\n";
  OS << "// Render it with: dot -Tsvg dfg.dot -o dfg.svg\n";
  OS << "digraph " << quote(K.Name) << " {\n";
  std::string Title = K.Name;
  for (const GPhase &G : Phases) {
    std::string Space;
    for (const auto &[Var, Range] : G.Parallel)
      Space += (Space.empty() ? "" : ", ") + Var + " in [" + Range.first + ", " +
               Range.second + ")";
    Title += "\nparallel over " + (Space.empty() ? std::string("one unit") : Space) +
             ": " + G.Units + " units";
  }
  OS << "  graph [label=" << quote(Title)
     << ", labelloc=t, fontname=\"Helvetica\", fontsize=12, ordering=in];\n";
  OS << "  node [fontname=\"Helvetica\", fontsize=10];\n";
  OS << "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  for (const GPhase &G : Phases) {
    printDotNodes(OS, G, -1, 2);
    for (const GEdge &E : G.Edges) {
      OS << "  " << E.From << " -> " << E.To;
      if (!E.Label.empty())
        OS << " [label=" << quote(E.Label) << "]";
      OS << ";\n";
    }
  }
  OS << "}\n";
  return Out;
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

std::string printJson(const Program &P, const std::vector<GPhase> &Phases) {
  const ir::Kernel &K = *P.Source;
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::json::OStream J(OS, 2);
  auto LoopId = [](const GPhase &G, int L) -> llvm::json::Value {
    if (L < 0)
      return nullptr;
    return G.Loops[L].Id;
  };
  J.object([&] {
    J.attribute("kernel", K.Name);
    J.attribute("source", llvm::sys::path::filename(K.File));
    J.attributeArray("phases", [&] {
      for (const GPhase &G : Phases)
        J.object([&] {
          J.attributeArray("parallel_loops", [&] {
            for (const auto &PL : G.Parallel)
              J.object([&] {
                J.attribute("var", PL.first);
                J.attribute("begin", PL.second.first);
                J.attribute("end", PL.second.second);
              });
          });
          J.attribute("units", G.Units);
          J.attributeArray("loops", [&] {
            for (const GLoop &L : G.Loops)
              J.object([&] {
                J.attribute("id", L.Id);
                J.attribute("kind", L.Kind);
                J.attribute("var", L.Var);
                J.attribute("begin", L.Begin);
                J.attribute("end", L.End);
                J.attribute("buffers", L.Buffers);
                J.attribute("parent", LoopId(G, L.Parent));
              });
          });
          J.attributeArray("nodes", [&] {
            for (const GNode &N : G.Nodes)
              J.object([&] {
                J.attribute("id", N.Id);
                J.attribute("kind", N.Kind);
                if (!N.Op.empty())
                  J.attribute("op", N.Op);
                if (!N.Scalar.empty()) {
                  J.attribute("scalar", N.Scalar);
                  if (N.Kind == "op" && N.Op != "fill")
                    J.attribute("scalar_on_left", N.ScalarOnLeft);
                }
                if (!N.Tensor.empty())
                  J.attribute("tensor", N.Tensor);
                if (!N.Spelling.empty())
                  J.attribute(N.Kind == "intermediate" ? "name" : "spelling", N.Spelling);
                if (!N.Index.empty())
                  J.attribute("index", N.Index);
                if (N.Cb >= 0) {
                  J.attribute("cb", N.Cb);
                  J.attribute("pages", N.Pages);
                }
                J.attribute("loop", LoopId(G, N.Loop));
              });
          });
          J.attributeArray("edges", [&] {
            for (const GEdge &E : G.Edges)
              J.object([&] {
                J.attribute("from", E.From);
                J.attribute("to", E.To);
                if (E.Operand >= 0)
                  J.attribute("operand", E.Operand);
                if (!E.Label.empty())
                  J.attribute("label", E.Label);
              });
          });
          J.attributeArray("computes", [&] {
            for (const GCompute &C : G.Computes)
              J.object([&] {
                J.attribute("id", C.Id);
                J.attribute("role", C.Role);
                J.attribute("line", C.Line);
                J.attribute("source", C.Source);
                J.attribute("loop", LoopId(G, C.Loop));
                J.attribute("value", C.Value);
                J.attribute("into", C.Into);
                J.attribute("waits", llvm::json::Array(C.Waits));
                J.attribute("pops", llvm::json::Array(C.Pops));
              });
          });
        });
    });
  });
  OS << "\n";
  return Out;
}

} // namespace

std::optional<DfgFormat> dfgFormatFromName(const std::string &Name) {
  if (Name == "dot")
    return DfgFormat::Dot;
  if (Name == "json")
    return DfgFormat::Json;
  return std::nullopt;
}

const char *dfgFileName(DfgFormat F) {
  return F == DfgFormat::Dot ? "dfg.dot" : "dfg.json";
}

std::string printDfg(const Program &P, DfgFormat F) {
  std::vector<GPhase> Phases = buildGraph(P);
  return F == DfgFormat::Dot ? printDot(P, Phases) : printJson(P, Phases);
}

} // namespace tilesplit
