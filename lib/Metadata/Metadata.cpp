//===- Metadata.cpp - Tensors' formats, page sizes and roles --------------===//
#include "tilesplit/Passes/Passes.h"

namespace tilesplit {
namespace {

void markUses(const ir::TileExprPtr &E, Program &P) {
  if (E->K == ir::TileExpr::Kind::Read)
    for (TensorInfo &T : P.Tensors)
      if (T.Name == E->Access.Tensor)
        T.Read = true;
  for (const ir::TileExprPtr &O : E->Operands)
    markUses(O, P);
}

void markStmts(const ir::StmtList &Body, Program &P) {
  for (const ir::Stmt &S : Body) {
    if (S.K == ir::Stmt::Kind::Loop)
      markStmts(S.L->Body, P);
    if (S.Value)
      markUses(S.Value, P);
    if (S.K == ir::Stmt::Kind::StoreTensor)
      for (TensorInfo &T : P.Tensors)
        if (T.Name == S.Target.Tensor)
          T.Written = true;
  }
}

} // namespace

bool runMetadata(Program &P, Diagnoser &D) {
  const ir::Kernel &K = *P.Source;
  for (const ir::TensorParam &T : K.Tensors)
    P.Tensors.push_back({T.Name, T.Format, ir::tileBytes(T.Format)});
  for (const auto &L : K.Loops)
    markStmts(L->Body, P);

  bool AnyWritten = false;
  for (const TensorInfo &T : P.Tensors)
    AnyWritten |= T.Written;
  if (!AnyWritten) {
    D.report(K.Loc, diag::NoTensorWritten) << K.Name;
    return false;
  }
  // The compute kernel packs and unpacks every CB in one format; a conversion
  // between formats is not part of the language yet.
  for (const ir::TensorParam &T : K.Tensors)
    if (T.Format != K.Tensors.front().Format) {
      D.report(T.Loc, diag::MixedFormats)
          << ir::formatName(K.Tensors.front().Format) << ir::formatName(T.Format);
      return false;
    }
  return true;
}

} // namespace tilesplit
