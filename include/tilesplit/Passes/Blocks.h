//===- Blocks.h - The tiles of a DST block and the input tiles they share -===//
//
// In a blocked phase (`block(N)` on parallel loops) a unit of work is a block
// of output tiles, walked row-major by a loop whose variable is also the
// tile's DST slot. An input read site is shared by the tiles of a block that
// differ only in loop variables its index does not use: A.tile(m, k) in a 2x4
// block of (m, n) is read for each of the 2 values of m and used by 4 tiles.
// These helpers give the reader, the compute kernel and MemorySpace the same
// view of that.
//
//===----------------------------------------------------------------------===//
#ifndef TILESPLIT_PASSES_BLOCKS_H
#define TILESPLIT_PASSES_BLOCKS_H

#include "tilesplit/Passes/Program.h"

namespace tilesplit {

/// The blocked loops whose variables \p S's index uses, outermost first.
std::vector<const Phase::BlockedLoop *> blockedLoopsOf(const Phase &Ph, const ReadSite &S);

/// The most tiles of \p S one block reads (the product of those loops' extents);
/// 1 outside a blocked phase.
unsigned maxBlockTilesOf(const Phase &Ph, const ReadSite &S);

/// How many tiles of \p S this block reads, as kernel code: "m_count",
/// "block_tiles" (a site every tile of the block reads its own of), "1".
std::string blockTileCountOf(const Phase &Ph, const ReadSite &S);

/// Where the current tile's tile of \p S sits among the block's tiles of it,
/// as kernel code inside the loop over the block: "m - m_first", "in_block".
std::string blockTileIndexOf(const Phase &Ph, const ReadSite &S);

/// for (in_block = 0; in_block < Count; ++in_block) { <Loops' variables
/// recovered row-major> Body }.
DevNode blockTileLoop(const Phase &Ph, const std::vector<const Phase::BlockedLoop *> &Loops,
                      const std::string &Count, std::vector<DevNode> Body);

} // namespace tilesplit

#endif
