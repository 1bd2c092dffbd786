// The compute API monolith (profile 2026-02): log, sigmoid, tanh, abs, square, silu, power, ...
#pragma once

#include "compute_kernel_api/common.h"
#include "compute_kernel_api/eltwise_unary/eltwise_unary.h"
#include "compute_kernel_api/eltwise_unary/gelu.h"
#include "tilesplit_emu/compute/sfpu/log.h"
#include "tilesplit_emu/compute/sfpu/sigmoid.h"
#include "tilesplit_emu/compute/sfpu/tanh.h"
#include "tilesplit_emu/compute/sfpu/abs.h"
#include "tilesplit_emu/compute/sfpu/square.h"
#include "tilesplit_emu/compute/sfpu/silu.h"
#include "tilesplit_emu/compute/sfpu/power.h"
