// Circular-buffer API for compute kernels (profile 2026-08).
#pragma once

#include "tilesplit_emu/compute/base.h"
