//===- DfgDump.h - The tile dataflow graph as Graphviz DOT or JSON ---------===//
//
// `tilesplit --dump-dfg=dot|json` writes <out>/<kernel>/dfg.dot or dfg.json:
// the graph the Dataflow pass built (read sites, the operations of every
// compute node, tile locals in intermediate CBs, accumulators, tensor stores),
// with the circular buffers MemorySpace gave them and the tile loops as nested
// clusters. docs/dataflow.md describes both formats.
//
//===----------------------------------------------------------------------===//
#ifndef TILESPLIT_PASSES_DFGDUMP_H
#define TILESPLIT_PASSES_DFGDUMP_H

#include "tilesplit/Passes/Program.h"

#include <optional>
#include <string>

namespace tilesplit {

enum class DfgFormat { Dot, Json };

/// "dot" or "json".
std::optional<DfgFormat> dfgFormatFromName(const std::string &Name);
/// The file name the dump goes to: "dfg.dot" or "dfg.json".
const char *dfgFileName(DfgFormat F);

/// Prints the dataflow graph of every phase of \p P. Needs MemorySpace (the
/// nodes name their circular buffers). Deterministic: nodes, edges and compute
/// nodes come in program order, so the output can be compared as text.
std::string printDfg(const Program &P, DfgFormat F);

} // namespace tilesplit

#endif
