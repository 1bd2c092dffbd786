//===- Output.h - Writing every file of a run, or none of them -------------===//
//
// A run of tilesplit writes many files (five or six per kernel, a depfile).
// OutputSet writes them all into a hidden staging directory on the same file
// system first, and only once every one is complete renames them into place,
// so that an error, a full disk or SIGINT/SIGTERM leaves no file of the run
// visible and every earlier output as it was. docs/integration.md ("How the
// outputs are written") describes the guarantees and their limits.
//
//===----------------------------------------------------------------------===//
#ifndef TILESPLIT_DRIVER_OUTPUT_H
#define TILESPLIT_DRIVER_OUTPUT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <string>
#include <vector>

namespace tilesplit {

/// Points of OutputSet::commit() at which a test may stop the process.
enum class OutputStage {
  Staging,    // the first file is staged, the others are not
  Staged,     // every file is staged, nothing is published
  Publishing, // the first file is renamed into place, the others are not
};

/// The files of one run, published together.
///
/// Staging directories are named `.tilesplit-staging-<pid>-<random>` and hold
/// an fcntl-locked file `lock` for as long as their run lives; commit() first
/// removes those left by runs that are gone (killed with SIGKILL), after
/// renaming into place what such a run had begun to publish (its `publish`
/// journal lists every file of it).
class OutputSet {
public:
  /// Files are staged in the nearest existing directory at or above
  /// \p StagingDir (the output directory), or, for a file on another file
  /// system, in the nearest existing directory above that file.
  explicit OutputSet(std::string StagingDir);
  ~OutputSet();
  OutputSet(const OutputSet &) = delete;
  OutputSet &operator=(const OutputSet &) = delete;

  /// Adds a file to write; \p Path is as the user spelled it, for messages.
  void add(std::string Path, std::string Contents);

  /// Checks every destination, stages every file, then renames them all into
  /// place. On an error nothing is published and every destination is as it
  /// was; the message names the path. A SIGINT, SIGTERM, SIGHUP or SIGUSR2
  /// before the first rename removes the staged files and kills the process
  /// with that signal; one after it is held until the last rename.
  ///
  /// Installs handlers for those signals (once per process); call it when no
  /// other thread is running.
  llvm::Error commit();

  /// For tests of interrupted runs: called at each OutputStage.
  std::function<void(OutputStage)> OnStage;

  /// Whether \p A and \p B name the same destination: the same name in the
  /// same directory once the directories' symbolic links are resolved. Neither
  /// needs to exist.
  static bool sameDestination(llvm::StringRef A, llvm::StringRef B);

  /// Removes the staging directories in \p Dir whose run is gone, first
  /// finishing the publication of any that had begun one.
  static void removeStaleStaging(llvm::StringRef Dir);

  /// The prefix of a staging directory's name.
  static constexpr llvm::StringLiteral StagingPrefix = ".tilesplit-staging-";

  struct File;
  struct Staging;

private:
  llvm::Error plan();
  llvm::Error stage();
  llvm::Error publish();
  llvm::Error writeJournals();
  void cleanUp();
  void stop(OutputStage S) {
    if (OnStage)
      OnStage(S);
  }

  std::string StagingDir;
  std::vector<File> Files;
  std::vector<Staging> Stagings;
};

} // namespace tilesplit

#endif
