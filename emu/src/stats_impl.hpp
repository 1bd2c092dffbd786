// Recording a run's counters as the process's "last run" stats.
#pragma once

#include "run.hpp"

namespace tilesplit::emu {
void record_run_stats(const Run& run, double wall_seconds, bool failed);
}
