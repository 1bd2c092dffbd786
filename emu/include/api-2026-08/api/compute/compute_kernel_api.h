// The compute API monolith (profile 2026-08): log, sigmoid, tanh, abs, square, silu, power, ...
#pragma once

#include "api/compute/common.h"
#include "api/compute/eltwise_unary/eltwise_unary.h"
#include "tilesplit_emu/compute/sfpu/log.h"
#include "tilesplit_emu/compute/sfpu/sigmoid.h"
#include "tilesplit_emu/compute/sfpu/tanh.h"
#include "tilesplit_emu/compute/sfpu/abs.h"
#include "tilesplit_emu/compute/sfpu/square.h"
#include "tilesplit_emu/compute/sfpu/silu.h"
#include "tilesplit_emu/compute/sfpu/power.h"
#include "api/compute/eltwise_unary/gelu.h"
