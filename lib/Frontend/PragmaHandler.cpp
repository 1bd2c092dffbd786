//===- PragmaHandler.cpp - Reading `#pragma tt ...` ------------------------===//
//
// Grammar (clauses in any order, each at most once):
//   #pragma tt tile_loop [parallel | reduce] [buffers(N)] [block(N)]
//   #pragma tt kernel [grid(X, Y)] [math_fidelity(LoFi|HiFi2|HiFi3|HiFi4)]
//                     [fp32_dest_acc] [approx]
// The handler only parses and records; binding a pragma to the statement that
// follows it happens once the AST exists (see ASTToTileIR.cpp).
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Frontend/Frontend.h"

#include "clang/Basic/TokenKinds.h"
#include "clang/Lex/Pragma.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringRef.h"

namespace tilesplit {
namespace {

struct ClauseSpec {
  const char *Name;
  unsigned NumArgs; // 0: a flag
};

// The loop kind is written like a flag clause, so it may come in any position
// and a misspelling gets the same fix-it as any clause.
constexpr ClauseSpec TileLoopClauses[] = {{"parallel", 0}, {"reduce", 0}, {"buffers", 1}, {"block", 1}};
constexpr ClauseSpec KernelClauses[] = {
    {"grid", 2}, {"math_fidelity", 1}, {"fp32_dest_acc", 0}, {"approx", 0}};

/// The clause of \p Specs closest to \p Name, for a fix-it; empty if none is close.
template <size_t N>
llvm::StringRef closestClause(llvm::StringRef Name, const ClauseSpec (&Specs)[N]) {
  llvm::StringRef Best;
  unsigned BestDistance = 3;
  for (const ClauseSpec &S : Specs) {
    unsigned D = Name.edit_distance(S.Name);
    if (D < BestDistance) {
      BestDistance = D;
      Best = S.Name;
    }
  }
  return Best;
}

class TTPragmaHandler : public clang::PragmaHandler {
public:
  TTPragmaHandler(PragmaCollector &Out, Diagnoser &Diags)
      : clang::PragmaHandler("tt"), Out(Out), Diags(Diags) {}

  void HandlePragma(clang::Preprocessor &PP, clang::PragmaIntroducer Intro,
                    clang::Token &FirstTok) override {
    std::vector<clang::Token> Toks;
    clang::Token Tok;
    for (PP.Lex(Tok); Tok.isNot(clang::tok::eod); PP.Lex(Tok))
      Toks.push_back(Tok);
    // A `_Pragma("tt ...")` in a macro body: every token of the expansion sits
    // at the macro's name, so "the `for` that follows the pragma" has no place
    // in the file, and the generated code could not cite the user's lines.
    if (Intro.Loc.isMacroID()) {
      Diags.report(Intro.Loc, diag::InMacro) << 0;
      return;
    }
    parse(PP, Intro.Loc, FirstTok, Toks);
  }

private:
  void parse(clang::Preprocessor &PP, clang::SourceLocation Loc,
             const clang::Token &TTTok, const std::vector<clang::Token> &Toks) {
    if (Toks.empty() || !Toks[0].is(clang::tok::identifier)) {
      Diags.report(Toks.empty() ? TTTok.getLocation() : Toks[0].getLocation(),
                   diag::MissingDirective);
      return;
    }
    PragmaRecord R;
    R.Loc = Loc;
    llvm::StringRef Directive = Toks[0].getIdentifierInfo()->getName();
    size_t I = 1;
    if (Directive == "tile_loop") {
      R.D = PragmaRecord::Directive::TileLoop;
      if (!parseClauses(PP, Toks, I, "tile_loop", TileLoopClauses, R))
        return;
      // The kind words are clauses to the parser; a loop has one kind.
      const PragmaClause *Kind = nullptr;
      for (const PragmaClause &C : R.Clauses) {
        if (C.Name != "parallel" && C.Name != "reduce")
          continue;
        if (Kind) {
          Diags.report(C.Loc, diag::ConflictingLoopKinds) << Kind->Name << C.Name;
          return;
        }
        Kind = &C;
        R.Kind = C.Name == "parallel" ? ir::LoopKind::Parallel : ir::LoopKind::Reduce;
      }
    } else if (Directive == "kernel") {
      R.D = PragmaRecord::Directive::Kernel;
      if (!parseClauses(PP, Toks, I, "kernel", KernelClauses, R))
        return;
    } else {
      Diags.report(Toks[0].getLocation(), diag::UnknownDirective) << Directive;
      return;
    }
    Out.Records.push_back(std::move(R));
  }

  template <size_t N>
  bool parseClauses(clang::Preprocessor &PP, const std::vector<clang::Token> &Toks,
                    size_t I, const char *Directive,
                    const ClauseSpec (&Specs)[N], PragmaRecord &R) {
    while (I < Toks.size()) {
      const clang::Token &NameTok = Toks[I];
      if (!NameTok.is(clang::tok::identifier)) {
        Diags.report(NameTok.getLocation(), diag::UnknownClause)
            << PP.getSpelling(NameTok) << Directive;
        return false;
      }
      llvm::StringRef Name = NameTok.getIdentifierInfo()->getName();
      const ClauseSpec *Spec = nullptr;
      for (const ClauseSpec &S : Specs)
        if (Name == S.Name)
          Spec = &S;
      if (!Spec) {
        auto D = Diags.report(NameTok.getLocation(), diag::UnknownClause);
        D << Name << Directive;
        llvm::StringRef Fix = closestClause(Name, Specs);
        if (!Fix.empty())
          D << clang::FixItHint::CreateReplacement(
              clang::CharSourceRange::getTokenRange(NameTok.getLocation()), Fix);
        return false;
      }
      for (const PragmaClause &C : R.Clauses)
        if (C.Name == Name) {
          Diags.report(NameTok.getLocation(), diag::DuplicateClause) << Name;
          return false;
        }
      PragmaClause C;
      C.Name = Name.str();
      C.Loc = NameTok.getLocation();
      ++I;
      if (Spec->NumArgs == 0 && I < Toks.size() && Toks[I].is(clang::tok::l_paren)) {
        Diags.report(Toks[I].getLocation(), diag::BadClauseArgument)
            << Name << "it takes no arguments";
        return false;
      }
      if (Spec->NumArgs > 0) {
        if (I >= Toks.size() || !Toks[I].is(clang::tok::l_paren)) {
          Diags.report(NameTok.getLocation(), diag::BadClauseArgument)
              << Name << "expected '('";
          return false;
        }
        ++I;
        // arg (',' arg)* ')', where an argument is one token, or '-' and a
        // number (so that `buffers(-1)` is reported as a bad value).
        if (I < Toks.size() && Toks[I].is(clang::tok::r_paren)) {
          Diags.report(Toks[I].getLocation(), diag::BadClauseArgument)
              << Name << "expected an argument";
          return false;
        }
        while (I < Toks.size()) {
          const clang::Token &Arg = Toks[I];
          if (Arg.isOneOf(clang::tok::comma, clang::tok::r_paren)) {
            Diags.report(Arg.getLocation(), diag::BadClauseArgument)
                << Name << "expected an argument";
            return false;
          }
          std::string Text = PP.getSpelling(Arg);
          if (Arg.is(clang::tok::minus) && I + 1 < Toks.size() &&
              Toks[I + 1].is(clang::tok::numeric_constant))
            Text += PP.getSpelling(Toks[++I]);
          C.Args.push_back(Text);
          C.ArgLocs.push_back(Arg.getLocation());
          ++I;
          if (I < Toks.size() && Toks[I].is(clang::tok::comma)) {
            ++I;
            continue;
          }
          if (I < Toks.size() && !Toks[I].is(clang::tok::r_paren)) {
            Diags.report(Toks[I].getLocation(), diag::BadClauseArgument)
                << Name << "expected ',' or ')'";
            return false;
          }
          break;
        }
        if (I >= Toks.size()) {
          Diags.report(NameTok.getLocation(), diag::BadClauseArgument)
              << Name << "expected ')'";
          return false;
        }
        ++I; // ')'
        if (C.Args.size() != Spec->NumArgs) {
          Diags.report(NameTok.getLocation(), diag::BadClauseArgument)
              << Name
              << ("expected " + std::to_string(Spec->NumArgs) + " argument" +
                  (Spec->NumArgs == 1 ? "" : "s"));
          return false;
        }
      }
      if (!checkArgs(C))
        return false;
      R.Clauses.push_back(std::move(C));
    }
    return true;
  }

  bool checkArgs(const PragmaClause &C) {
    auto Positive = [&](const std::string &A, clang::SourceLocation Loc) {
      unsigned V;
      if (llvm::StringRef(A).getAsInteger(10, V) || V == 0) {
        Diags.report(Loc, diag::BadClauseArgument)
            << C.Name << ("'" + A + "' is not a positive integer");
        return false;
      }
      return true;
    };
    if (C.Name == "buffers" || C.Name == "grid" || C.Name == "block") {
      for (size_t I = 0; I < C.Args.size(); ++I)
        if (!Positive(C.Args[I], C.ArgLocs[I]))
          return false;
    }
    if (C.Name == "math_fidelity") {
      const std::string &A = C.Args[0];
      if (A != "LoFi" && A != "HiFi2" && A != "HiFi3" && A != "HiFi4") {
        Diags.report(C.ArgLocs[0], diag::BadClauseArgument)
            << C.Name << ("'" + A + "' is not one of LoFi, HiFi2, HiFi3, HiFi4");
        return false;
      }
    }
    return true;
  }

  PragmaCollector &Out;
  Diagnoser &Diags;
};

} // namespace

void registerPragmaHandler(clang::Preprocessor &PP, PragmaCollector &Out,
                           Diagnoser &Diags) {
  PP.AddPragmaHandler(new TTPragmaHandler(Out, Diags));
}

} // namespace tilesplit
