// Shared by the project's kernels. A change here must re-translate them: tilesplit's depfile
// lists every header a kernel includes.
#ifndef ACTIVATION_H
#define ACTIVATION_H

// Chosen by the build (target_compile_definitions), as a project-wide setting would be.
#ifndef KERNEL_ACTIVATION
#error "KERNEL_ACTIVATION is not defined: compile with the project's flags"
#endif

#define ACTIVATION(t) KERNEL_ACTIVATION(t)

#endif
