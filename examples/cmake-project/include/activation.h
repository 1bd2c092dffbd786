// Shared by the project's kernels. A change here must re-translate them: tilesplit's depfile
// lists every header a kernel includes.
#ifndef ACTIVATION_H
#define ACTIVATION_H

// Chosen by the build (target_compile_definitions), as a project-wide setting would be.
// Macros may supply values to tile code (not tile code itself: see docs/diagnostics.md, in-macro).
#ifndef KERNEL_SCALE
#error "KERNEL_SCALE is not defined: compile with the project's flags"
#endif

#define OUTPUT_SCALE KERNEL_SCALE

#endif
