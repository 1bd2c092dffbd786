//===- Format.cpp - clang-format over generated C++ -----------------------===//
#include "tilesplit/Emit/Emit.h"

#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"

namespace tilesplit {

llvm::Expected<std::string> formatCpp(const std::string &Code, const std::string &Style,
                                      const std::string &StyleSearchPath) {
  std::string FileName = StyleSearchPath.empty() ? "generated.cpp" : StyleSearchPath;
  llvm::Expected<clang::format::FormatStyle> FS =
      clang::format::getStyle(Style, FileName, "LLVM", Code);
  if (!FS)
    return FS.takeError();
  // A comment naming a source line ("// file.cpp:12: ...") stays on one line,
  // whatever the style: a reader (or a grep) finds it with the code it became.
  const std::string SourceLineComment = "^ [^ :]+:[0-9]+: ";
  FS->CommentPragmas = FS->CommentPragmas.empty()
                           ? SourceLineComment
                           : "(" + FS->CommentPragmas + ")|(" + SourceLineComment + ")";
  clang::tooling::Replacements R = clang::format::reformat(
      *FS, Code, {clang::tooling::Range(0, Code.size())}, FileName);
  return clang::tooling::applyAllReplacements(Code, R);
}

llvm::Expected<std::vector<EmittedFile>> emitProgram(const Program &P,
                                                     const EmitOptions &O) {
  std::vector<EmittedFile> Files;
  for (const DeviceKernel &K : P.Kernels)
    if (!K.Body.empty())
      Files.push_back({std::string(roleName(K.Role)) + ".cpp",
                       emitDeviceKernel(P, K, *O.Api)});
  Files.push_back({"host.cpp", emitHost(P, O)});
  for (EmittedFile &F : Files) {
    auto Formatted = formatCpp(F.Contents, O.Style, O.StyleSearchPath);
    if (!Formatted)
      return Formatted.takeError();
    F.Contents = std::move(*Formatted);
  }
  Files.push_back({"manifest.json", emitManifest(P, O)});
  return Files;
}

} // namespace tilesplit
