#include "emu_test_util.hpp"
