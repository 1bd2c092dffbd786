// The machine state a kernel thread runs in, beyond its KernelThread: the x86-64 GS segment base
// set to its core's L1, so that `tt_l1_ptr` pointers (address space 256, i.e. GS-relative, see
// tilesplit_emu/kernel/config.h) reach that L1 at the address the kernel computed; and a guard that
// turns a fault in kernel code (an L1 address cast to a plain pointer, a stack overflow) into an
// error of the run instead of a crash of the process.
#pragma once

#include <string>

namespace tilesplit::emu {

struct KernelThread;

// Runs `entry` on the calling kernel thread with GS = its core's L1 and the fault guard armed.
// Returns false, with a description in `fault`, if the kernel faulted; the kernel's frames are
// then abandoned (not unwound).
bool run_kernel_guarded(KernelThread& t, void (*entry)(), std::string& fault);

}  // namespace tilesplit::emu
