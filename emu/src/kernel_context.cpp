#include "kernel_context.hpp"

#include <dlfcn.h>
#include <link.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>

#if defined(__x86_64__)
#include <asm/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
#endif

#include "run.hpp"

namespace tilesplit::emu {

namespace {

constexpr std::size_t kAltStackBytes = 64 * 1024;

// Per thread: where to return to after a fault, and what the fault was.
struct Guard {
  sigjmp_buf jump;
  bool armed = false;
  void* address = nullptr;
  int signal = 0;
};
thread_local Guard* t_guard = nullptr;

struct sigaction g_previous_segv, g_previous_bus;
std::uintptr_t g_emu_begin = 0, g_emu_end = 0;  // this library's mapping, approximately

// Faults inside the emulator library are bugs of the emulator: they may hold its locks, so they
// are passed on (to the previous handler, usually the default: a crash) rather than recovered.
bool inside_emulator(std::uintptr_t pc) { return pc >= g_emu_begin && pc < g_emu_end; }

std::uintptr_t fault_pc(void* context) {
#if defined(__x86_64__)
  return static_cast<std::uintptr_t>(static_cast<ucontext_t*>(context)->uc_mcontext.gregs[REG_RIP]);
#else
  (void)context;
  return 0;
#endif
}

void on_fault(int sig, siginfo_t* info, void* context) {
  Guard* g = t_guard;
  if (g != nullptr && g->armed && !inside_emulator(fault_pc(context))) {
    g->armed = false;
    g->address = info->si_addr;
    g->signal = sig;
    siglongjmp(g->jump, 1);
  }
  // Not a kernel fault: restore what was there and let the fault happen again under it.
  sigaction(sig, sig == SIGSEGV ? &g_previous_segv : &g_previous_bus, nullptr);
}

void install_handlers_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    // This library's executable segments.
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void*) -> int {
          const auto here = reinterpret_cast<std::uintptr_t>(&install_handlers_once);
          for (int i = 0; i < info->dlpi_phnum; ++i) {
            const ElfW(Phdr)& ph = info->dlpi_phdr[i];
            if (ph.p_type != PT_LOAD || (ph.p_flags & PF_X) == 0) continue;
            const std::uintptr_t begin = info->dlpi_addr + ph.p_vaddr;
            if (here >= begin && here < begin + ph.p_memsz) {
              g_emu_begin = begin;
              g_emu_end = begin + ph.p_memsz;
              return 1;
            }
          }
          return 0;
        },
        nullptr);
    struct sigaction sa {};
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, &g_previous_segv);
    sigaction(SIGBUS, &sa, &g_previous_bus);
  });
}

void set_l1_segment(std::uint8_t* l1) {
#if defined(__x86_64__)
  syscall(SYS_arch_prctl, ARCH_SET_GS, reinterpret_cast<unsigned long>(l1));
#else
  (void)l1;
#endif
}

// Sets up and, on every way out (return, fault, exception), tears down a kernel thread's context.
class KernelContext {
 public:
  explicit KernelContext(std::uint8_t* l1) {
    install_handlers_once();
    set_l1_segment(l1);
    stack_ = mmap(nullptr, kAltStackBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (stack_ != MAP_FAILED) {
      stack_t alt{};
      alt.ss_sp = stack_;
      alt.ss_size = kAltStackBytes;
      sigaltstack(&alt, &old_);
    }
    t_guard = &guard;
  }
  ~KernelContext() {
    t_guard = nullptr;
    if (stack_ != MAP_FAILED) {
      sigaltstack(&old_, nullptr);
      munmap(stack_, kAltStackBytes);
    }
    set_l1_segment(nullptr);
  }
  KernelContext(const KernelContext&) = delete;
  KernelContext& operator=(const KernelContext&) = delete;

  Guard guard;

 private:
  void* stack_ = MAP_FAILED;
  stack_t old_{};
};

}  // namespace

bool run_kernel_guarded(KernelThread& t, void (*entry)(), std::string& fault) {
  KernelContext context(t.core->l1);
  Guard& guard = context.guard;
  if (sigsetjmp(guard.jump, 1) == 0) {
    guard.armed = true;
    entry();  // exceptions (KernelAbort, ...) pass through to the caller
    guard.armed = false;
    return true;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%p", guard.address);
  fault = std::string(guard.signal == SIGBUS ? "bus error" : "segmentation fault") + " in kernel code at address " +
          buf +
          " (an L1 address used through a pointer without tt_l1_ptr? only `tt_l1_ptr` pointers reach L1 on the "
          "emulator; or a stack overflow)";
  return false;
}

}  // namespace tilesplit::emu
