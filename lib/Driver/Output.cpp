//===- Output.cpp - Writing every file of a run, or none of them ----------===//
//
// commit() runs in four steps, so that everything that can fail fails before
// the first destination changes:
//
//  1. plan: every destination is checked (not a directory, its directory
//     exists or can be created, writable, no two files at one destination);
//     staging directories left by dead runs are removed;
//  2. stage: every file is written and closed in a staging directory on the
//     destination's file system, each write checked (a full disk is an error
//     naming the file, not a fatal "IO failure on output stream");
//  3. publish: missing directories are created, each file about to be
//     replaced gets a hard link in the staging directory, a journal listing
//     every staged file's destination is written beside them (the commit
//     point), then every staged file is renamed into place. A failing rename
//     puts back what the earlier ones replaced. Termination signals are held
//     from here to the last rename, so a run killed by one has published
//     nothing or everything;
//  4. clean up the staging directories, on every path.
//
// Signals: LLVM's RemoveFileOnSignal removes the staged files and the lock of
// a run stopped by a signal, but not directories, so this file keeps its own
// signal-safe list of staging directories for a handler to rmdir after LLVM's
// files are gone. SIGKILL cannot be handled (nor, from the commit point on, a
// crash, which then keeps the staged files): its staging directory stays
// until the next run into the same place, which removes it after finishing
// the dead run's publication if the journal says it had begun
// (removeStaleStaging), so the outputs are never left half old, half new.
//
//===----------------------------------------------------------------------===//
#include "tilesplit/Driver/Output.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Errc.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <map>

#include <signal.h>
#include <unistd.h>

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;
using llvm::SmallString;
using llvm::StringRef;
using llvm::Twine;

namespace tilesplit {

struct OutputSet::File {
  std::string Shown;     // as given, for messages
  std::string Contents;
  std::string Abs;       // absolute
  std::string Key;       // see destinationKey()
  std::vector<std::string> NewDirs; // missing directories above it, outermost first
  unsigned Staging = 0;  // index into Stagings
  std::string Staged;    // its path in the staging directory
  std::string Backup;    // a hard link to what it replaces, while publishing
  bool Existed = false, BackedUp = false, Published = false;
};

struct OutputSet::Staging {
  std::string Anchor;    // an existing directory
  uint64_t Device = 0;
  std::string Path;      // Anchor/.tilesplit-staging-<pid>-<random>
  std::string Lock;      // Path/lock
  std::string Journal;   // Path/publish, from the commit point on
  int LockFD = -1;
  int Slot = -1;         // in the signal handlers' list
  bool Created = false;
};

namespace {

//===-- What the signal handlers see --------------------------------------===//
//
// Only fixed storage and lock-free atomics: a handler may run at any point,
// on any thread, and may neither allocate nor lock.

constexpr unsigned MaxStagingDirs = 8;
constexpr size_t MaxStagingPath = 4096;
char SlotPath[MaxStagingDirs][MaxStagingPath];
std::atomic<bool> SlotUsed[MaxStagingDirs];
std::mutex SlotLock; // taking and releasing slots, never in a handler

/// Set from the first rename's preparation to the last rename: a termination
/// signal then is held, so that the run publishes everything or nothing.
std::atomic<bool> Publishing{false};
volatile std::sig_atomic_t PendingSignal = 0;

/// LLVM's "interrupt" signals (lib/Support/Unix/Signals.inc): a request to
/// stop, not a crash.
const int TerminationSignals[] = {SIGHUP, SIGINT, SIGTERM, SIGUSR2};

// Signal-safe.
void removeStagingDirs() {
  for (unsigned I = 0; I < MaxStagingDirs; ++I)
    if (SlotUsed[I].load())
      ::rmdir(SlotPath[I]);
}

void onTermination(int Sig) {
  if (Publishing.load()) {
    PendingSignal = Sig;
    return;
  }
  // The files first (LLVM's list: staged files and locks), then their
  // directories, then die of the signal as if nothing had caught it.
  llvm::sys::RunInterruptHandlers();
  removeStagingDirs();
  ::signal(Sig, SIG_DFL);
  ::raise(Sig);
}

void installHandlers() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    // A crash (SIGSEGV, SIGABRT, ...) goes through LLVM's handler, which
    // removes the registered files and then calls this. First, also because
    // it installs LLVM's handlers if nothing has yet (no InitLLVM, as in the
    // unit tests): the sigaction below must come after them to replace them.
    llvm::sys::AddSignalHandler([](void *) { removeStagingDirs(); }, nullptr);
    // exit() from report_fatal_error or from LLVM's SIGPIPE handler, both of
    // which remove the registered files first.
    std::atexit(removeStagingDirs);
    // LLVM's own handler for these removes the files but not directories;
    // this one does both, and holds the signal while publishing.
    struct sigaction SA;
    std::memset(&SA, 0, sizeof(SA));
    SA.sa_handler = onTermination;
    sigemptyset(&SA.sa_mask);
    for (int S : TerminationSignals)
      sigaddset(&SA.sa_mask, S);
    for (int S : TerminationSignals)
      ::sigaction(S, &SA, nullptr);
  });
}

int takeSlot(StringRef Dir) {
  if (Dir.size() >= MaxStagingPath)
    return -1;
  std::lock_guard<std::mutex> G(SlotLock);
  for (unsigned I = 0; I < MaxStagingDirs; ++I)
    if (!SlotUsed[I].load()) {
      std::memcpy(SlotPath[I], Dir.data(), Dir.size());
      SlotPath[I][Dir.size()] = '\0';
      SlotUsed[I].store(true);
      return static_cast<int>(I);
    }
  return -1;
}

void releaseSlot(int I) {
  if (I < 0)
    return;
  std::lock_guard<std::mutex> G(SlotLock);
  SlotUsed[I].store(false);
}

//===-- Paths -------------------------------------------------------------===//

bool isMissing(std::error_code EC) {
  // ENOTDIR: a component above is a file; the walk up reports which one.
  return EC == llvm::errc::no_such_file_or_directory || EC == llvm::errc::not_a_directory;
}

std::string absolute(StringRef P) {
  SmallString<256> Abs(P);
  fs::make_absolute(Abs);
  path::remove_dots(Abs, /*remove_dot_dot=*/false);
  return std::string(Abs);
}

/// A destination's identity: the real path of its nearest existing directory
/// with the rest of the path appended. Not the file's own real path: a rename
/// replaces a symbolic link, it does not write through it.
std::string destinationKey(StringRef P) {
  std::string Abs = absolute(P);
  StringRef Dir = path::parent_path(Abs);
  SmallString<256> Real;
  while (!Dir.empty() && fs::real_path(Dir, Real))
    Dir = path::parent_path(Dir);
  // Below Dir nothing exists, so nothing is a link and ".." is lexical.
  SmallString<256> Rest(StringRef(Abs).drop_front(Dir.size()).ltrim('/'));
  path::remove_dots(Rest, /*remove_dot_dot=*/true);
  path::append(Real, Rest);
  return std::string(Real);
}

/// A directory above \p File as a message shows it: relative to the working
/// directory when \p File's path was.
std::string showDir(StringRef Dir, StringRef File) {
  SmallString<256> Cwd;
  if (path::is_absolute(File) || fs::current_path(Cwd))
    return Dir.str();
  if (Dir == Cwd)
    return ".";
  StringRef Rel = Dir;
  if (Rel.consume_front(Cwd) && Rel.consume_front("/"))
    return Rel.str();
  return Dir.str();
}

llvm::Error failure(const Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// The journal of a staging directory: one line per file staged in it, the
/// staged file's name and its destination, separated by a tab.
constexpr const char *JournalName = "publish";

/// Renames into place every file a dead run's journal lists that it had not
/// renamed yet (those still in its staging directory).
void finishPublication(StringRef Staging) {
  SmallString<256> Journal(Staging);
  path::append(Journal, JournalName);
  auto Text = llvm::MemoryBuffer::getFile(Journal);
  if (!Text)
    return; // killed before its commit point: nothing was published
  llvm::SmallVector<StringRef, 16> Lines;
  (*Text)->getBuffer().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef Line : Lines) {
    auto [Staged, Destination] = Line.split('\t');
    SmallString<256> From(Staging);
    path::append(From, Staged);
    if (!Destination.empty() && fs::exists(From))
      fs::rename(From, Destination);
  }
}

/// Whether the run that made this staging directory may still be using it.
bool stagingInUse(StringRef Dir, int Pid) {
  if (Pid == llvm::sys::Process::getProcessId())
    return true; // this process: fcntl locks would not tell
  SmallString<256> Lock(Dir);
  path::append(Lock, "lock");
  int FD;
  if (!fs::openFileForReadWrite(Lock, FD, fs::CD_OpenExisting, fs::OF_None)) {
    // The lock is taken before the file gets this name and held until the run
    // ends, however it ends: a lock we can take has no owner left.
    std::error_code EC = fs::tryLockFile(FD);
    if (!EC)
      fs::unlockFile(FD);
    llvm::sys::Process::SafelyCloseFileDescriptor(FD);
    if (!EC)
      return false;
    if (EC == llvm::errc::no_lock_available)
      return true;
    // No locks on this file system: fall back on the process id.
  }
  // No lock yet (the run was killed before taking it) or no locking.
  return !(::kill(Pid, 0) == -1 && errno == ESRCH);
}

} // namespace

OutputSet::OutputSet(std::string StagingDir) : StagingDir(std::move(StagingDir)) {}

OutputSet::~OutputSet() { cleanUp(); }

void OutputSet::add(std::string Path, std::string Contents) {
  File F;
  F.Shown = std::move(Path);
  F.Contents = std::move(Contents);
  Files.push_back(std::move(F));
}

bool OutputSet::sameDestination(StringRef A, StringRef B) {
  return destinationKey(A) == destinationKey(B);
}

void OutputSet::removeStaleStaging(StringRef Dir) {
  std::error_code EC;
  std::vector<std::string> Stale;
  for (fs::directory_iterator I(Dir, EC), E; I != E && !EC; I.increment(EC)) {
    StringRef Name = path::filename(I->path());
    if (!Name.consume_front(StagingPrefix))
      continue;
    auto [PidText, Random] = Name.split('-');
    int Pid;
    if (PidText.getAsInteger(10, Pid) || Pid <= 0 || Random.empty())
      continue;
    if (!stagingInUse(I->path(), Pid))
      Stale.push_back(I->path());
  }
  for (const std::string &S : Stale) {
    finishPublication(S);
    fs::remove_directories(S, /*IgnoreErrors=*/true);
  }
}

llvm::Error OutputSet::plan() {
  std::map<std::string, const File *> Keys;
  for (File &F : Files) {
    F.Abs = absolute(F.Shown);
    auto Show = [&](StringRef Dir) { return showDir(Dir, F.Shown); };
    fs::file_status St;
    std::error_code EC = fs::status(F.Abs, St, /*Follow=*/false);
    if (!EC && fs::is_directory(St))
      return failure("cannot write '" + F.Shown + "': it is a directory");
    if (EC && !isMissing(EC))
      return failure("cannot write '" + F.Shown + "': " + EC.message());
    StringRef Dir = path::parent_path(F.Abs);
    while (true) {
      if (Dir.empty())
        return failure("cannot write '" + F.Shown + "': no existing directory above it");
      EC = fs::status(Dir, St);
      if (!EC)
        break;
      if (!isMissing(EC))
        return failure("cannot write '" + F.Shown + "': '" + Show(Dir) + "': " + EC.message());
      F.NewDirs.insert(F.NewDirs.begin(), Dir.str());
      Dir = path::parent_path(Dir);
    }
    if (!fs::is_directory(St))
      return failure("cannot write '" + F.Shown + "': '" + Show(Dir) + "' is not a directory");
    if (std::error_code EC = fs::access(Dir, fs::AccessMode::Write))
      return failure("cannot write '" + F.Shown + "': cannot create files in '" + Show(Dir) +
                     "': " + EC.message());
    F.Key = destinationKey(F.Abs);
    auto [Other, New] = Keys.emplace(F.Key, &F);
    if (!New)
      return failure("cannot write both '" + Other->second->Shown + "' and '" + F.Shown +
                     "': they are the same file");
    // Where it is staged: with the others if on the same file system, since
    // a rename cannot cross file systems.
    uint64_t Device = St.getUniqueID().getDevice();
    auto It = std::find_if(Stagings.begin(), Stagings.end(),
                           [&](const Staging &S) { return S.Device == Device; });
    if (It == Stagings.end()) {
      Staging S;
      S.Anchor = Dir.str();
      S.Device = Device;
      // The output directory's nearest existing directory is preferred, so
      // that every run into it stages (and finds stale staging) in one place.
      SmallString<256> Hint(absolute(StagingDir));
      fs::file_status HintSt;
      while (!Hint.empty() && (fs::status(Hint, HintSt) || !fs::is_directory(HintSt)))
        path::remove_filename(Hint);
      if (!Hint.empty() && HintSt.getUniqueID().getDevice() == Device &&
          !fs::access(Hint, fs::AccessMode::Write))
        S.Anchor = std::string(Hint);
      Stagings.push_back(std::move(S));
      It = Stagings.end() - 1;
    }
    F.Staging = static_cast<unsigned>(It - Stagings.begin());
  }
  // A file where another needs a directory: out/k written as the depfile
  // while out/k/host.cpp is a kernel's output.
  for (const File &F : Files)
    for (StringRef P = path::parent_path(F.Key); !P.empty() && P != path::parent_path(P);
         P = path::parent_path(P))
      if (auto It = Keys.find(P.str()); It != Keys.end())
        return failure("cannot write both '" + It->second->Shown + "' and '" + F.Shown +
                       "': '" + It->second->Shown + "' would have to be a directory");
  for (const Staging &S : Stagings)
    removeStaleStaging(S.Anchor);
  return llvm::Error::success();
}

llvm::Error OutputSet::stage() {
  installHandlers();
  int Pid = llvm::sys::Process::getProcessId();
  for (Staging &S : Stagings) {
    // The name is registered for the handlers before the directory exists,
    // so that no signal can come between the two.
    std::error_code EC;
    for (int Try = 0; Try < 64; ++Try) {
      // The random part only: a '%' in the directory above must stay one.
      SmallString<64> Name;
      fs::createUniquePath(StagingPrefix + Twine(Pid) + "-%%%%%%%%", Name,
                           /*MakeAbsolute=*/false);
      SmallString<256> P(S.Anchor);
      path::append(P, Name);
      S.Path = std::string(P);
      S.Slot = takeSlot(S.Path);
      if (S.Slot < 0)
        return failure("cannot stage the outputs: too many file systems or too long a path ('" +
                       S.Path + "')");
      EC = fs::create_directory(S.Path, /*IgnoreExisting=*/false, fs::perms::owner_all);
      if (EC != llvm::errc::file_exists)
        break;
      releaseSlot(S.Slot);
      S.Slot = -1;
    }
    if (EC)
      return failure("cannot create the staging directory '" + S.Path + "': " + EC.message());
    S.Created = true;
    // Locked before it takes its name, so a lock file is always held by a
    // live run (see stagingInUse).
    SmallString<256> NewLock(S.Path);
    path::append(NewLock, "lock.new");
    SmallString<256> Lock(S.Path);
    path::append(Lock, "lock");
    S.Lock = std::string(Lock);
    llvm::sys::RemoveFileOnSignal(NewLock);
    llvm::sys::RemoveFileOnSignal(Lock);
    if (!fs::openFileForWrite(NewLock, S.LockFD, fs::CD_CreateNew, fs::OF_None) &&
        !fs::tryLockFile(S.LockFD))
      fs::rename(NewLock, Lock);
    // Without a lock (a file system without them) the process id still tells.
    fs::remove(NewLock);
    llvm::sys::DontRemoveFileOnSignal(NewLock);
  }

  // A file-size limit (ulimit -f) makes write() send SIGXFSZ, which kills;
  // ignored, it fails with EFBIG like any other write error.
  struct sigaction Ignore, OldXfsz;
  std::memset(&Ignore, 0, sizeof(Ignore));
  Ignore.sa_handler = SIG_IGN;
  sigemptyset(&Ignore.sa_mask);
  ::sigaction(SIGXFSZ, &Ignore, &OldXfsz);
  llvm::Error Result = llvm::Error::success();
  for (size_t I = 0; I < Files.size(); ++I) {
    File &F = Files[I];
    SmallString<256> Staged(Stagings[F.Staging].Path);
    // The index keeps names unique; the file name, cut short, says what it is.
    path::append(Staged, Twine(I) + "-" + path::filename(F.Abs).take_front(64));
    F.Staged = std::string(Staged);
    llvm::sys::RemoveFileOnSignal(F.Staged);
    int FD;
    std::error_code EC = fs::openFileForWrite(F.Staged, FD, fs::CD_CreateNew, fs::OF_None);
    if (!EC) {
      llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
      OS << F.Contents;
      OS.close();
      // Checked and cleared, so the stream never reports it as a fatal error.
      if (OS.has_error()) {
        EC = OS.error();
        OS.clear_error();
      }
    }
    if (EC) {
      Result = failure("cannot write '" + F.Shown + "': " + EC.message());
      break;
    }
    if (I == 0)
      stop(OutputStage::Staging);
  }
  ::sigaction(SIGXFSZ, &OldXfsz, nullptr);
  if (Result)
    return Result;
  stop(OutputStage::Staged);
  return llvm::Error::success();
}

// Each staging directory's journal, complete or not at all (written under
// another name, then renamed). From here on the staged files are the journal's
// and stay if the process crashes, for the next run to publish.
llvm::Error OutputSet::writeJournals() {
  for (Staging &S : Stagings) {
    std::string Text;
    for (const File &F : Files)
      if (&Stagings[F.Staging] == &S)
        Text += (path::filename(F.Staged) + "\t" + F.Abs + "\n").str();
    SmallString<256> Journal(S.Path), Partial(S.Path);
    path::append(Journal, JournalName);
    path::append(Partial, Twine(JournalName) + ".new");
    llvm::sys::RemoveFileOnSignal(Partial);
    std::error_code EC;
    {
      llvm::raw_fd_ostream OS(Partial, EC, fs::OF_None);
      if (!EC) {
        OS << Text;
        OS.close();
        if (OS.has_error()) {
          EC = OS.error();
          OS.clear_error();
        }
      }
    }
    if (!EC)
      EC = fs::rename(Partial, Journal);
    llvm::sys::DontRemoveFileOnSignal(Partial);
    if (EC) {
      fs::remove(Partial);
      return failure("cannot write '" + Journal + "': " + EC.message());
    }
    S.Journal = std::string(Journal);
  }
  for (const File &F : Files)
    llvm::sys::DontRemoveFileOnSignal(F.Staged);
  return llvm::Error::success();
}

llvm::Error OutputSet::publish() {
  Publishing.store(true);
  std::vector<std::string> Created;
  // Puts back the first N files' previous state and removes the directories
  // this run created; says what it could not put back.
  auto Undo = [&](size_t N, std::string Message) {
    for (size_t I = N; I-- > 0;) {
      File &F = Files[I];
      if (!F.Published)
        continue;
      F.Published = false;
      std::error_code EC;
      if (F.BackedUp) {
        EC = fs::rename(F.Backup, F.Abs);
        if (!EC)
          F.BackedUp = false;
      } else if (!F.Existed) {
        EC = fs::remove(F.Abs);
      } else {
        Message += "; '" + F.Shown + "' was replaced and its previous contents are lost";
        continue;
      }
      if (EC)
        Message += "; '" + F.Shown + "' could not be put back: " + EC.message();
    }
    for (auto It = Created.rbegin(); It != Created.rend(); ++It)
      fs::remove(*It); // only if empty: another run may have written into it
    Publishing.store(false);
    return failure(Message);
  };

  for (File &F : Files)
    for (const std::string &D : F.NewDirs) {
      std::error_code EC = fs::create_directory(D, /*IgnoreExisting=*/false);
      if (!EC) {
        Created.push_back(D);
        continue;
      }
      if (EC == llvm::errc::file_exists && fs::is_directory(D))
        continue; // made since plan(), by another run or for another file
      return Undo(0, "cannot create directory '" + showDir(D, F.Shown) + "': " + EC.message());
    }

  // What each rename will replace is kept as a hard link beside the staged
  // files (the same file system), so that a later failure can put it back.
  for (size_t I = 0; I < Files.size(); ++I) {
    File &F = Files[I];
    SmallString<256> Backup(Stagings[F.Staging].Path);
    path::append(Backup, Twine(I) + ".previous");
    F.Backup = std::string(Backup);
    std::error_code EC = fs::create_hard_link(F.Abs, F.Backup);
    if (!EC) {
      F.Existed = F.BackedUp = true;
    } else if (EC == llvm::errc::no_such_file_or_directory) {
      F.Existed = false;
    } else if (EC == llvm::errc::operation_not_permitted ||
               EC == llvm::errc::not_supported || EC == std::errc::cross_device_link ||
               EC == llvm::errc::too_many_links) {
      F.Existed = true; // a file system without hard links: no way back for this one
    } else {
      return Undo(I, "cannot write '" + F.Shown + "': " + EC.message());
    }
  }

  // The commit point: a termination signal until here publishes nothing.
  if (PendingSignal)
    return Undo(Files.size(), "interrupted");
  if (llvm::Error E = writeJournals())
    return Undo(Files.size(), llvm::toString(std::move(E)));
  for (size_t I = 0; I < Files.size(); ++I) {
    File &F = Files[I];
    if (std::error_code EC = fs::rename(F.Staged, F.Abs))
      return Undo(I, "cannot write '" + F.Shown + "': " + EC.message());
    F.Published = true;
    if (I == 0)
      stop(OutputStage::Publishing);
  }
  for (File &F : Files)
    if (F.BackedUp && !fs::remove(F.Backup))
      F.BackedUp = false;
  Publishing.store(false);
  return llvm::Error::success();
}

void OutputSet::cleanUp() {
  for (File &F : Files) {
    if (!F.Staged.empty()) {
      if (!F.Published)
        fs::remove(F.Staged);
      llvm::sys::DontRemoveFileOnSignal(F.Staged);
      F.Staged.clear();
    }
    if (F.BackedUp) {
      fs::remove(F.Backup);
      F.BackedUp = false;
    }
  }
  for (Staging &S : Stagings) {
    if (!S.Journal.empty()) {
      fs::remove(S.Journal);
      S.Journal.clear();
    }
    if (S.LockFD >= 0) {
      fs::remove(S.Lock); // before the lock goes, so no other run sees it unlocked
      fs::unlockFile(S.LockFD);
      llvm::sys::Process::SafelyCloseFileDescriptor(S.LockFD);
      S.LockFD = -1;
    }
    if (!S.Lock.empty()) {
      llvm::sys::DontRemoveFileOnSignal(S.Lock);
      S.Lock.clear();
    }
    if (S.Created) {
      fs::remove(S.Path);
      S.Created = false;
    }
    releaseSlot(S.Slot);
    S.Slot = -1;
  }
}

llvm::Error OutputSet::commit() {
  llvm::Error E = plan();
  if (!E)
    E = stage();
  if (!E)
    E = publish();
  cleanUp();
  // Held during publish(): now that the staging directories are gone, die of
  // it as the process would have.
  if (int Sig = PendingSignal) {
    llvm::consumeError(std::move(E));
    ::signal(Sig, SIG_DFL);
    ::raise(Sig);
  }
  return E;
}

} // namespace tilesplit
