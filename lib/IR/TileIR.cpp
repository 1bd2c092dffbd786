//===- TileIR.cpp - Tile IR construction, printing and dumping ------------===//
#include "tilesplit/IR/TileIR.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace tilesplit::ir {

unsigned tileBytes(DataFormat F) {
  return F == DataFormat::Float32 ? 4096 : 2048;
}

const char *formatName(DataFormat F) {
  return F == DataFormat::Float32 ? "Float32" : "Float16_b";
}

const char *scalarTypeSpelling(ScalarType T) {
  switch (T) {
  case ScalarType::U32: return "uint32_t";
  case ScalarType::I32: return "int32_t";
  case ScalarType::F32: return "float";
  }
  return "uint32_t";
}

const char *tensorDimSuffix(TensorDim D) {
  switch (D) {
  case TensorDim::TileRows: return "tile_rows";
  case TensorDim::TileCols: return "tile_cols";
  case TensorDim::NumTiles: return "num_tiles";
  }
  return "tile_rows";
}

ScalarExprPtr ScalarExpr::intLit(std::string Text) {
  auto E = std::make_shared<ScalarExpr>();
  E->K = Kind::IntLiteral;
  E->Text = std::move(Text);
  return E;
}

ScalarExprPtr ScalarExpr::floatLit(std::string Text) {
  auto E = std::make_shared<ScalarExpr>();
  E->K = Kind::FloatLiteral;
  E->Text = std::move(Text);
  E->Type = ScalarType::F32;
  return E;
}

ScalarExprPtr ScalarExpr::var(std::string Name, ScalarType T) {
  auto E = std::make_shared<ScalarExpr>();
  E->K = Kind::Var;
  E->Text = std::move(Name);
  E->Type = T;
  return E;
}

ScalarExprPtr ScalarExpr::dim(std::string Tensor, TensorDim D) {
  auto E = std::make_shared<ScalarExpr>();
  E->K = Kind::Dim;
  E->Text = std::move(Tensor);
  E->Dim = D;
  return E;
}

ScalarExprPtr ScalarExpr::binary(std::string Op, ScalarExprPtr L,
                                 ScalarExprPtr R) {
  // Fold the identities that index arithmetic produces (0 * n + c, 1 * n), so
  // generated indices read like hand-written ones.
  if (Op == "*" && (isIntLiteral(L, "0") || isIntLiteral(R, "0")))
    return intLit("0");
  if (Op == "*" && isIntLiteral(L, "1"))
    return R;
  if ((Op == "*" || Op == "/") && isIntLiteral(R, "1"))
    return L;
  if (Op == "+" && isIntLiteral(L, "0"))
    return R;
  if ((Op == "+" || Op == "-") && isIntLiteral(R, "0"))
    return L;
  auto E = std::make_shared<ScalarExpr>();
  E->K = Kind::Binary;
  E->Op = std::move(Op);
  E->Type = (L->Type == ScalarType::F32 || R->Type == ScalarType::F32)
                ? ScalarType::F32
                : L->Type;
  E->LHS = std::move(L);
  E->RHS = std::move(R);
  return E;
}

ScalarExprPtr ScalarExpr::negate(ScalarExprPtr Sub) {
  auto E = std::make_shared<ScalarExpr>();
  E->K = Kind::Negate;
  E->Type = Sub->Type;
  E->LHS = std::move(Sub);
  return E;
}

namespace {

int precedence(const ScalarExpr &E) {
  if (E.K == ScalarExpr::Kind::Negate)
    return 6;
  if (E.K != ScalarExpr::Kind::Binary)
    return 7;
  if (E.Op == "*" || E.Op == "/" || E.Op == "%")
    return 5;
  if (E.Op == "+" || E.Op == "-")
    return 4;
  return 3; // shifts
}

bool isAssociative(const std::string &Op) { return Op == "+" || Op == "*"; }

void print(const ScalarExpr &E, const ScalarPrintPolicy &P,
           llvm::raw_ostream &OS) {
  auto Child = [&](const ScalarExpr &C, bool Right) {
    int PE = precedence(E), PC = precedence(C);
    bool Parens = PC < PE || (Right && PC == PE && !isAssociative(E.Op)) ||
                  (Right && PC == PE && E.Op != C.Op);
    if (Parens)
      OS << '(';
    print(C, P, OS);
    if (Parens)
      OS << ')';
  };
  switch (E.K) {
  case ScalarExpr::Kind::IntLiteral:
  case ScalarExpr::Kind::FloatLiteral:
  case ScalarExpr::Kind::Var:
    OS << E.Text;
    return;
  case ScalarExpr::Kind::Dim:
    if (P.Dims == ScalarPrintPolicy::DimStyle::RuntimeArgName) {
      OS << E.Text << '_' << tensorDimSuffix(E.Dim);
    } else if (P.Dims == ScalarPrintPolicy::DimStyle::SourceCall) {
      OS << E.Text << '.' << tensorDimSuffix(E.Dim) << "()";
    } else if (E.Dim == TensorDim::NumTiles) {
      OS << '(' << E.Text << ".tile_rows * " << E.Text << ".tile_cols)";
    } else {
      OS << E.Text << '.' << tensorDimSuffix(E.Dim);
    }
    return;
  case ScalarExpr::Kind::Binary:
    Child(*E.LHS, false);
    OS << ' ' << E.Op << ' ';
    Child(*E.RHS, true);
    return;
  case ScalarExpr::Kind::Negate:
    OS << '-';
    Child(*E.LHS, true);
    return;
  }
}

template <typename T> void addUnique(std::vector<T> &V, const T &X) {
  if (std::find(V.begin(), V.end(), X) == V.end())
    V.push_back(X);
}

} // namespace

std::string printScalar(const ScalarExprPtr &E, const ScalarPrintPolicy &P) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  print(*E, P, OS);
  return OS.str();
}

void collectScalarUses(const ScalarExprPtr &E, std::vector<std::string> &Vars,
                       std::vector<std::string> &Dims) {
  if (!E)
    return;
  switch (E->K) {
  case ScalarExpr::Kind::Var:
    addUnique(Vars, E->Text);
    return;
  case ScalarExpr::Kind::Dim:
    addUnique(Dims, E->Text + "_" + tensorDimSuffix(E->Dim));
    return;
  case ScalarExpr::Kind::Binary:
  case ScalarExpr::Kind::Negate:
    collectScalarUses(E->LHS, Vars, Dims);
    collectScalarUses(E->RHS, Vars, Dims);
    return;
  default:
    return;
  }
}

bool scalarUsesVar(const ScalarExprPtr &E, const std::string &Name) {
  std::vector<std::string> Vars, Dims;
  collectScalarUses(E, Vars, Dims);
  return std::find(Vars.begin(), Vars.end(), Name) != Vars.end();
}

bool isIntLiteral(const ScalarExprPtr &E, const char *Text) {
  if (!E || E->K != ScalarExpr::Kind::IntLiteral)
    return false;
  std::string T = E->Text;
  while (!T.empty() && (T.back() == 'u' || T.back() == 'U' ||
                        T.back() == 'l' || T.back() == 'L'))
    T.pop_back();
  return T == Text;
}

const char *binaryOpName(BinaryOp Op) {
  switch (Op) {
  case BinaryOp::Add: return "add";
  case BinaryOp::Sub: return "sub";
  case BinaryOp::Mul: return "mul";
  }
  return "add";
}

const char *binaryOpSymbol(BinaryOp Op) {
  switch (Op) {
  case BinaryOp::Add: return "+";
  case BinaryOp::Sub: return "-";
  case BinaryOp::Mul: return "*";
  }
  return "+";
}

namespace {
struct UnaryName {
  UnaryOp Op;
  const char *Name;
};
constexpr UnaryName UnaryNames[] = {
    {UnaryOp::Exp, "exp"},         {UnaryOp::Log, "log"},
    {UnaryOp::Sqrt, "sqrt"},       {UnaryOp::Rsqrt, "rsqrt"},
    {UnaryOp::Recip, "recip"},     {UnaryOp::Relu, "relu"},
    {UnaryOp::Gelu, "gelu"},       {UnaryOp::Sigmoid, "sigmoid"},
    {UnaryOp::Tanh, "tanh"},       {UnaryOp::Abs, "abs"},
    {UnaryOp::Square, "square"},   {UnaryOp::Neg, "neg"},
};
} // namespace

const char *unaryOpName(UnaryOp Op) {
  for (const UnaryName &U : UnaryNames)
    if (U.Op == Op)
      return U.Name;
  return "?";
}

std::optional<UnaryOp> unaryOpFromName(const std::string &Name) {
  for (const UnaryName &U : UnaryNames)
    if (Name == U.Name)
      return U.Op;
  return std::nullopt;
}

std::string printTile(const TileExprPtr &E) {
  switch (E->K) {
  case TileExpr::Kind::Read:
    return E->Access.Spelling;
  case TileExpr::Kind::Local:
    return E->Name;
  case TileExpr::Kind::Binary:
    return "(" + printTile(E->Operands[0]) + " " + binaryOpSymbol(E->BOp) +
           " " + printTile(E->Operands[1]) + ")";
  case TileExpr::Kind::ScalarBinary: {
    std::string S = printScalar(E->Scalar);
    std::string T = printTile(E->Operands[0]);
    return E->ScalarOnLeft
               ? "(" + S + " " + binaryOpSymbol(E->BOp) + " " + T + ")"
               : "(" + T + " " + binaryOpSymbol(E->BOp) + " " + S + ")";
  }
  case TileExpr::Kind::Unary:
    return std::string(unaryOpName(E->UOp)) + "(" +
           printTile(E->Operands[0]) + ")";
  case TileExpr::Kind::Fill:
    return "fill(" + printScalar(E->Scalar) + ")";
  case TileExpr::Kind::Matmul:
    return "matmul(" + printTile(E->Operands[0]) + ", " + printTile(E->Operands[1]) + ")";
  case TileExpr::Kind::Reduce:
    return reduceName(E->ROp, E->Dim) + "(" + printTile(E->Operands[0]) + ")";
  case TileExpr::Kind::Broadcast:
    return broadcastName(E->Dim) + "(" + printTile(E->Operands[0]) + ")";
  case TileExpr::Kind::Transpose:
    return "transpose(" + printTile(E->Operands[0]) + ")";
  }
  return "?";
}

std::string reduceName(ReduceOp Op, TileDim Dim) {
  const char *Where = Dim == TileDim::Row ? "row" : Dim == TileDim::Col ? "col" : "tile";
  return std::string(Where) + (Op == ReduceOp::Sum ? "_sum" : "_max");
}

std::string broadcastName(TileDim Dim) {
  return Dim == TileDim::Row ? "bcast_row" : Dim == TileDim::Col ? "bcast_col" : "bcast_scalar";
}

const char *loopKindName(LoopKind K) {
  switch (K) {
  case LoopKind::Parallel: return "parallel";
  case LoopKind::Reduce: return "reduce";
  case LoopKind::Sequential: return "sequential";
  }
  return "?";
}

const char *mathFidelityName(MathFidelity F) {
  switch (F) {
  case MathFidelity::LoFi: return "LoFi";
  case MathFidelity::HiFi2: return "HiFi2";
  case MathFidelity::HiFi3: return "HiFi3";
  case MathFidelity::HiFi4: return "HiFi4";
  }
  return "HiFi4";
}

const TensorParam *Kernel::findTensor(const std::string &N) const {
  for (const TensorParam &T : Tensors)
    if (T.Name == N)
      return &T;
  return nullptr;
}

const ScalarParam *Kernel::findScalar(const std::string &N) const {
  for (const ScalarParam &S : Scalars)
    if (S.Name == N)
      return &S;
  return nullptr;
}

const Stmt *Kernel::findLocal(const std::string &N) const {
  for (const Stmt &S : Locals)
    if (S.Name == N)
      return &S;
  return nullptr;
}

namespace {
void dumpStmts(const StmtList &Body, unsigned Indent, llvm::raw_ostream &OS);

void dumpLoop(const Loop &L, unsigned Indent, llvm::raw_ostream &OS) {
  OS.indent(Indent) << "loop " << loopKindName(L.Kind) << ' ' << L.Var << " in ["
                    << printScalar(L.Begin) << ", " << printScalar(L.End)
                    << ") buffers=" << L.Buffers << " line=" << L.Src.Line
                    << '\n';
  dumpStmts(L.Body, Indent + 2, OS);
}

void dumpStmts(const StmtList &Body, unsigned Indent, llvm::raw_ostream &OS) {
  for (const Stmt &S : Body) {
    switch (S.K) {
    case Stmt::Kind::Loop:
      dumpLoop(*S.L, Indent, OS);
      break;
    case Stmt::Kind::StoreTensor:
      OS.indent(Indent) << "store " << S.Target.Tensor << '['
                        << printScalar(S.Target.Index)
                        << "] = " << printTile(S.Value) << '\n';
      break;
    case Stmt::Kind::DefineLocal:
      OS.indent(Indent) << "tile " << S.Name << " = " << printTile(S.Value)
                        << '\n';
      break;
    case Stmt::Kind::ScalarDecl:
      OS.indent(Indent) << "scalar " << scalarTypeSpelling(S.Type) << ' '
                        << S.Name << " = " << printScalar(S.Init) << '\n';
      break;
    }
  }
}
} // namespace

std::string dumpKernel(const Kernel &K) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "kernel " << K.Name << '\n';
  for (const Param &P : K.Params) {
    if (P.IsTensor) {
      const TensorParam &T = K.Tensors[P.Index];
      OS << "  tensor " << T.Name << ' ' << formatName(T.Format) << '\n';
    } else {
      const ScalarParam &S = K.Scalars[P.Index];
      OS << "  scalar " << S.Name << ' ' << scalarTypeSpelling(S.Type) << '\n';
    }
  }
  dumpStmts(K.Locals, 2, OS);
  for (const auto &L : K.Loops)
    dumpLoop(*L, 2, OS);
  return OS.str();
}

} // namespace tilesplit::ir
