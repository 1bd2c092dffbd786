//===- TileIR.h - The tile IR: a kernel as the user wrote it ---------------===//
//
// The frontend lowers one annotated C++ function into a `Kernel`: its tensors and
// scalars, its scalar locals, and a tree of tile loops whose statements store
// tile expressions into tensors or tile locals. The IR is source-level: names are
// the user's, every node keeps its SourceLocation, and scalar expressions are
// small trees that print back as readable C++.
//
//===----------------------------------------------------------------------===//
#ifndef TILESPLIT_IR_TILEIR_H
#define TILESPLIT_IR_TILEIR_H

#include "clang/Basic/SourceLocation.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tilesplit::ir {

enum class DataFormat { Float16_b, Float32 };
/// Bytes in one 32x32 tile of \p F (the DRAM page and CB page size).
unsigned tileBytes(DataFormat F);
const char *formatName(DataFormat F); // "Float16_b"

enum class ScalarType { U32, I32, F32 };
const char *scalarTypeSpelling(ScalarType T); // "uint32_t"

/// How deep a kernel's statements and expressions may nest: tile loops and
/// blocks, operators, calls and parentheses, each one level. The frontend
/// rejects a deeper kernel before lowering it (expression-too-deep), and
/// Dataflow rejects an expression that grows deeper when it folds tile locals
/// into it. Lowering, the passes, the dumps and the emitters all recurse over
/// these trees, a frame or a few per level; this bound is what keeps them on
/// the stack (2,600 levels overflowed 8 MB). Hand-written kernels nest a few
/// dozen levels at most; 256 is also Clang's own default limit on nested
/// brackets (-fbracket-depth).
constexpr unsigned MaxNestingDepth = 256;

//===----------------------------------------------------------------------===//
// Scalar expressions: loop bounds, tile indices, scalar locals, scalar operands.
//===----------------------------------------------------------------------===//

enum class TensorDim { TileRows, TileCols, NumTiles };
const char *tensorDimSuffix(TensorDim D); // "tile_rows"

struct ScalarExpr;
using ScalarExprPtr = std::shared_ptr<const ScalarExpr>;

struct ScalarExpr {
  enum class Kind {
    IntLiteral,   // Text holds the literal as written ("32", "1u")
    FloatLiteral, // Text holds the literal as written ("0.5f")
    Var,          // a loop variable, scalar parameter or scalar local: Name
    Dim,          // Tensor.tile_rows() etc.: Name = tensor, Dim
    Binary,       // Op in {+ - * / % << >>}: LHS, RHS
    Negate,       // -LHS
  };
  Kind K;
  std::string Text; // literal text, variable or tensor name
  TensorDim Dim = TensorDim::TileRows;
  std::string Op; // binary operator spelling
  ScalarExprPtr LHS, RHS;
  ScalarType Type = ScalarType::U32;

  static ScalarExprPtr intLit(std::string Text);
  static ScalarExprPtr floatLit(std::string Text);
  static ScalarExprPtr var(std::string Name, ScalarType T = ScalarType::U32);
  static ScalarExprPtr dim(std::string Tensor, TensorDim D);
  static ScalarExprPtr binary(std::string Op, ScalarExprPtr L, ScalarExprPtr R);
  static ScalarExprPtr negate(ScalarExprPtr E);
};

/// How a scalar expression is printed: what a tensor dimension becomes. Kernels
/// read `a_tile_rows` from a runtime argument; the host reads `a.tile_rows`.
struct ScalarPrintPolicy {
  /// SourceCall prints the user's `a.tile_rows()`, for dumps.
  enum class DimStyle { RuntimeArgName, HostTensorField, SourceCall } Dims =
      DimStyle::RuntimeArgName;
};
std::string printScalar(const ScalarExprPtr &E,
                        const ScalarPrintPolicy &P = ScalarPrintPolicy());

/// Names of the variables and tensor dimensions \p E reads, in first-use order.
/// Dimensions are reported as "<tensor>_<dim>".
void collectScalarUses(const ScalarExprPtr &E, std::vector<std::string> &Vars,
                       std::vector<std::string> &Dims);
bool scalarUsesVar(const ScalarExprPtr &E, const std::string &Name);
bool isIntLiteral(const ScalarExprPtr &E, const char *Text);

//===----------------------------------------------------------------------===//
// Tile expressions.
//===----------------------------------------------------------------------===//

enum class BinaryOp { Add, Sub, Mul };
const char *binaryOpName(BinaryOp Op); // "add"
const char *binaryOpSymbol(BinaryOp Op); // "+"

enum class UnaryOp {
  Exp, Log, Sqrt, Rsqrt, Recip, Relu, Gelu, Sigmoid, Tanh, Abs, Square, Neg
};
const char *unaryOpName(UnaryOp Op); // the user-facing name: "exp"
std::optional<UnaryOp> unaryOpFromName(const std::string &Name);

/// Reductions within a tile and broadcasts: which part of the tile.
enum class ReduceOp { Sum, Max };
enum class TileDim {
  Row,   // row_sum: each row to column 0; bcast_row: row 0 down every row
  Col,   // col_sum: each column to row 0; bcast_col: column 0 across every column
  Scalar // tile_sum: everything to [0][0]; bcast_scalar: [0][0] everywhere
};

struct TileExpr;
using TileExprPtr = std::shared_ptr<const TileExpr>;

/// A tile read `T.tile(r, c)` or `T.tile(id)`: the page id is `Index`.
struct TileAccess {
  std::string Tensor;
  ScalarExprPtr Index; // page id, e.g. r * T_tile_cols + c
  /// `T.tile(r, c)`: r and c as written (Index is their row-major page id);
  /// null for `T.tile(id)`.
  ScalarExprPtr Row, Col;
  std::string Spelling; // how the user wrote it: "A.tile(m, k)"
};

struct TileExpr {
  enum class Kind {
    Read,         // Access
    Local,        // a Tile local: Name
    Binary,       // BOp: Operands[0] op Operands[1]
    ScalarBinary, // BOp between Operands[0] and Scalar; ScalarOnLeft
    Unary,        // UOp(Operands[0])
    Fill,         // a tile of Scalar everywhere (zeros() is Fill(0))
    Matmul,       // matmul(Operands[0], Operands[1])
    Reduce,       // ROp over Dim of Operands[0]: row_sum, col_max, tile_sum, ...
    Broadcast,    // bcast_row / bcast_col / bcast_scalar of Operands[0]
    Transpose,    // transpose(Operands[0])
  };
  Kind K;
  TileAccess Access;
  std::string Name;
  BinaryOp BOp = BinaryOp::Add;
  UnaryOp UOp = UnaryOp::Exp;
  ReduceOp ROp = ReduceOp::Sum;
  TileDim Dim = TileDim::Row;
  std::vector<TileExprPtr> Operands;
  ScalarExprPtr Scalar;
  bool ScalarOnLeft = false;
  clang::SourceLocation Loc;
};

/// The user-facing names: "row_sum", "bcast_col", ...
std::string reduceName(ReduceOp Op, TileDim Dim);
std::string broadcastName(TileDim Dim);

/// Prints \p E back in the input language (for comments and dumps).
std::string printTile(const TileExprPtr &E);

//===----------------------------------------------------------------------===//
// Statements and loops.
//===----------------------------------------------------------------------===//

enum class LoopKind { Parallel, Reduce, Sequential };
const char *loopKindName(LoopKind K);

struct Loop;
struct Stmt;
using StmtList = std::vector<Stmt>;

/// Where a statement came from: for the comment naming the source line.
struct SourceRef {
  clang::SourceLocation Loc;
  unsigned Line = 0;
  std::string Text; // the statement's first source line, trimmed
};

struct Stmt {
  enum class Kind {
    Loop,        // a nested tile loop
    StoreTensor, // Target.tile(...) = Value
    DefineLocal, // Tile Name = Value  (or Name = Value)
    ScalarDecl,  // const uint32_t Name = Init
  };
  Kind K;
  std::shared_ptr<Loop> L;
  TileAccess Target;
  std::string Name;
  TileExprPtr Value;
  ScalarExprPtr Init;
  ScalarType Type = ScalarType::U32;
  SourceRef Src;
};

struct Loop {
  LoopKind Kind = LoopKind::Sequential;
  std::string Var;
  ScalarExprPtr Begin, End; // for (Var = Begin; Var < End; ++Var)
  unsigned Buffers = 2;     // pages per CB for tiles this loop streams
  bool BuffersExplicit = false;
  /// `block(N)` on a parallel loop: N consecutive iterations accumulate
  /// together in DST (one acquire for the whole block).
  unsigned Block = 1;
  clang::SourceLocation BlockLoc; // of the clause
  clang::SourceLocation BuffersLoc; // of the `buffers(N)` clause, if given
  SourceRef Src;
  clang::SourceLocation PragmaLoc;
  StmtList Body;
};

//===----------------------------------------------------------------------===//
// The kernel.
//===----------------------------------------------------------------------===//

struct TensorParam {
  std::string Name;
  DataFormat Format = DataFormat::Float16_b;
  clang::SourceLocation Loc;
};

struct ScalarParam {
  std::string Name;
  ScalarType Type = ScalarType::U32;
  clang::SourceLocation Loc;
};

struct Param {
  bool IsTensor;
  unsigned Index; // into Kernel::Tensors or Kernel::Scalars
};

enum class MathFidelity { LoFi, HiFi2, HiFi3, HiFi4 };
const char *mathFidelityName(MathFidelity F);

/// `#pragma tt kernel` clauses (the command line can set the same).
struct KernelOptions {
  std::optional<std::pair<unsigned, unsigned>> Grid;
  MathFidelity Fidelity = MathFidelity::HiFi4;
  bool Fp32DestAcc = false;
  bool Approx = false;
};

struct Kernel {
  std::string Name;          // the function's name: <out-dir>/<Name>/
  std::string QualifiedName; // with its namespaces, "ops::scale"; == Name in ::
  std::string File; // the source file as given on the command line
  clang::SourceLocation Loc;
  std::vector<TensorParam> Tensors;
  std::vector<ScalarParam> Scalars;
  std::vector<Param> Params; // in declaration order
  /// Scalar locals declared before the tile loops, in source order.
  std::vector<Stmt> Locals;
  /// The top-level tile loops, in source order (each a phase of the kernel).
  std::vector<std::shared_ptr<Loop>> Loops;
  KernelOptions Options;

  const TensorParam *findTensor(const std::string &Name) const;
  const ScalarParam *findScalar(const std::string &Name) const;
  const Stmt *findLocal(const std::string &Name) const;
};

/// A readable dump of \p K, for tests and --dump-ir.
std::string dumpKernel(const Kernel &K);

} // namespace tilesplit::ir

#endif
