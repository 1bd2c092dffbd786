// 60 scalar locals each computed from the one before three times (legality took 3^60 steps).
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void deep(Tensor<bf16> a, Tensor<bf16> c, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i) {
    uint32_t j0 = i;
    uint32_t j1 = j0 + j0 - j0;
    uint32_t j2 = j1 + j1 - j1;
    uint32_t j3 = j2 + j2 - j2;
    uint32_t j4 = j3 + j3 - j3;
    uint32_t j5 = j4 + j4 - j4;
    uint32_t j6 = j5 + j5 - j5;
    uint32_t j7 = j6 + j6 - j6;
    uint32_t j8 = j7 + j7 - j7;
    uint32_t j9 = j8 + j8 - j8;
    uint32_t j10 = j9 + j9 - j9;
    uint32_t j11 = j10 + j10 - j10;
    uint32_t j12 = j11 + j11 - j11;
    uint32_t j13 = j12 + j12 - j12;
    uint32_t j14 = j13 + j13 - j13;
    uint32_t j15 = j14 + j14 - j14;
    uint32_t j16 = j15 + j15 - j15;
    uint32_t j17 = j16 + j16 - j16;
    uint32_t j18 = j17 + j17 - j17;
    uint32_t j19 = j18 + j18 - j18;
    uint32_t j20 = j19 + j19 - j19;
    uint32_t j21 = j20 + j20 - j20;
    uint32_t j22 = j21 + j21 - j21;
    uint32_t j23 = j22 + j22 - j22;
    uint32_t j24 = j23 + j23 - j23;
    uint32_t j25 = j24 + j24 - j24;
    uint32_t j26 = j25 + j25 - j25;
    uint32_t j27 = j26 + j26 - j26;
    uint32_t j28 = j27 + j27 - j27;
    uint32_t j29 = j28 + j28 - j28;
    uint32_t j30 = j29 + j29 - j29;
    uint32_t j31 = j30 + j30 - j30;
    uint32_t j32 = j31 + j31 - j31;
    uint32_t j33 = j32 + j32 - j32;
    uint32_t j34 = j33 + j33 - j33;
    uint32_t j35 = j34 + j34 - j34;
    uint32_t j36 = j35 + j35 - j35;
    uint32_t j37 = j36 + j36 - j36;
    uint32_t j38 = j37 + j37 - j37;
    uint32_t j39 = j38 + j38 - j38;
    uint32_t j40 = j39 + j39 - j39;
    uint32_t j41 = j40 + j40 - j40;
    uint32_t j42 = j41 + j41 - j41;
    uint32_t j43 = j42 + j42 - j42;
    uint32_t j44 = j43 + j43 - j43;
    uint32_t j45 = j44 + j44 - j44;
    uint32_t j46 = j45 + j45 - j45;
    uint32_t j47 = j46 + j46 - j46;
    uint32_t j48 = j47 + j47 - j47;
    uint32_t j49 = j48 + j48 - j48;
    uint32_t j50 = j49 + j49 - j49;
    uint32_t j51 = j50 + j50 - j50;
    uint32_t j52 = j51 + j51 - j51;
    uint32_t j53 = j52 + j52 - j52;
    uint32_t j54 = j53 + j53 - j53;
    uint32_t j55 = j54 + j54 - j54;
    uint32_t j56 = j55 + j55 - j55;
    uint32_t j57 = j56 + j56 - j56;
    uint32_t j58 = j57 + j57 - j57;
    uint32_t j59 = j58 + j58 - j58;
    uint32_t j60 = j59 + j59 - j59;
    c.tile(i) = a.tile(j60);
  }
}
