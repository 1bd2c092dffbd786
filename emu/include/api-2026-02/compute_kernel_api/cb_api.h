// Circular-buffer API for compute kernels (profile 2026-02).
#pragma once

#include "tilesplit_emu/compute/base.h"
