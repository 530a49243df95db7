package io.github.seq2seq4j.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C[m,n] (+)= op(A)·Bᵀ for few rows m, with B stored [n, ldb≥k]: the x·Wᵀ product of a batch
 * through a PyTorch-layout weight [out, in].
 *
 * <p>The packed path would copy all of W transposed into panels on every call (n·k scattered
 * stores, amortised over only m rows). Here the roles flip: tiles of Cᵀ are computed with vectors
 * along m, from op(A) packed into panels of 2·lanes rows (m·k floats, cheap), and broadcasts
 * straight from 4 rows of W, which are read in place (4 rows for the register budget explained in
 * {@link VectorPackedGemm}). Each 4×(2·lanes) tile of Cᵀ is written back to C transposed through a
 * small buffer, once per kc block.
 *
 * <p>Every element is still one FMA chain over p in order starting from 0 or C, so results are
 * bit-identical to {@link VectorPackedGemm} and {@link BlockedGemm}.
 */
final class VectorNtGemm {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Rows of W (columns of C) per tile: broadcast. */
    static final int WR = 4;
    /** Rows of op(A) (rows of C) per tile: two vectors. */
    static final int AR = 2 * LANES;

    /**
     * Rows of W in the widest tile this machine runs: with 512-bit vectors (AVX-512: 32 registers,
     * {@link VectorPackedGemm#EIGHT_ROW_TILES}) two groups of WR rows of W run against the same two
     * vectors of A, 16 accumulators with each A load feeding 8 FMAs; otherwise 4.
     */
    static int tileRowsOfW() {
        return VectorPackedGemm.EIGHT_ROW_TILES ? 2 * WR : WR;
    }
    /**
     * Depth per block: as large as keeps the packed rows of A within 256 KiB of L2 (1024 for 64
     * rows), because the transposed write-back costs ~2 scalar moves per element of C and block.
     * The 4 W row segments (at most 16 KiB) stay in L1 while the A panels stream from L2.
     */
    static int depthBlock(int rows) {
        return Math.max(256, Math.min(1024, (1 << 16) / GemmDriver.roundUp(rows, AR)));
    }

    /** Computes C[iBeg:iEnd, jBeg:jEnd]; iBeg is a multiple of AR, jBeg of WR. */
    void block(boolean transA, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
               float[] c, int cOff, int ldc, boolean accumulate, int iBeg, int iEnd, int jBeg, int jEnd) {
        GemmScratch s = GemmScratch.ofThread();
        int rows = iEnd - iBeg;
        int kcMax = depthBlock(rows);
        int depth = Math.min(kcMax, k);
        float[] ap = s.packedA(GemmDriver.roundUp(rows, AR) * depth);
        float[] edge = s.packedB(WR * depth);
        float[] tile = s.tile(2 * WR * AR);
        for (int pc = 0; pc < k; pc += kcMax) {
            int kc = Math.min(kcMax, k - pc);
            boolean load = accumulate || pc > 0;
            GemmPacking.packA(transA, a, aOff, lda, iBeg, rows, pc, kc, AR, ap, 0);
            int jr = jBeg;
            if (VectorPackedGemm.EIGHT_ROW_TILES) {
                for (; jr + 2 * WR <= jEnd; jr += 2 * WR) {
                    int w0 = bOff + jr * ldb + pc;
                    for (int ir = 0; ir < rows; ir += AR) {
                        int tileRows = Math.min(AR, rows - ir);
                        int cIdx = cOff + (iBeg + ir) * ldc + jr;
                        if (load) {
                            transposeIn(c, cIdx, ldc, tileRows, 2 * WR, tile);
                        }
                        twoGroupKernel(kc, b, w0, ldb, ap, ir * kc, tile, load);
                        transposeOut(tile, tileRows, 2 * WR, c, cIdx, ldc);
                    }
                }
            }
            for (; jr < jEnd; jr += WR) {
                int cols = Math.min(WR, jEnd - jr);
                float[] w = b;
                int w0 = bOff + jr * ldb + pc;
                int ldw = ldb;
                if (cols < WR) {
                    // last rows of W: copy them into a zero-padded block so the kernel reads WR rows
                    for (int r = 0; r < WR; r++) {
                        for (int p = 0; p < kc; p++) {
                            edge[r * kc + p] = r < cols ? b[w0 + r * ldb + p] : 0f;
                        }
                    }
                    w = edge;
                    w0 = 0;
                    ldw = kc;
                }
                for (int ir = 0; ir < rows; ir += AR) {
                    int tileRows = Math.min(AR, rows - ir);
                    int cIdx = cOff + (iBeg + ir) * ldc + jr;
                    if (load) {
                        transposeIn(c, cIdx, ldc, tileRows, cols, tile);
                    }
                    microKernel(kc, w, w0, ldw, ap, ir * kc, tile, load);
                    transposeOut(tile, tileRows, cols, c, cIdx, ldc);
                }
            }
        }
    }

    /** tile[r·AR + i] = C[i, r] for the valid rows and columns of a tile. */
    private static void transposeIn(float[] c, int ci, int ldc, int rows, int cols, float[] tile) {
        for (int i = 0; i < rows; i++) {
            int o = ci + i * ldc;
            for (int r = 0; r < cols; r++) {
                tile[r * AR + i] = c[o + r];
            }
        }
    }

    /** C[i, r] = tile[r·AR + i]: four or eight contiguous floats per row of C, unrolled for full tiles. */
    private static void transposeOut(float[] tile, int rows, int cols, float[] c, int ci, int ldc) {
        if (cols == 2 * WR) {
            for (int i = 0; i < rows; i++) {
                int o = ci + i * ldc;
                c[o] = tile[i];
                c[o + 1] = tile[AR + i];
                c[o + 2] = tile[2 * AR + i];
                c[o + 3] = tile[3 * AR + i];
                c[o + 4] = tile[4 * AR + i];
                c[o + 5] = tile[5 * AR + i];
                c[o + 6] = tile[6 * AR + i];
                c[o + 7] = tile[7 * AR + i];
            }
            return;
        }
        if (cols == WR) {
            for (int i = 0; i < rows; i++) {
                int o = ci + i * ldc;
                c[o] = tile[i];
                c[o + 1] = tile[AR + i];
                c[o + 2] = tile[2 * AR + i];
                c[o + 3] = tile[3 * AR + i];
            }
            return;
        }
        for (int i = 0; i < rows; i++) {
            int o = ci + i * ldc;
            for (int r = 0; r < cols; r++) {
                c[o + r] = tile[r * AR + i];
            }
        }
    }

    /**
     * tile[r·AR + i] (+)= Σ_p w[w0 + r·ldw + p] · ap[ai + p·AR + i] for r < WR, i < AR: a tile of Cᵀ,
     * one FMA chain per element, starting from the tile's contents when {@code load}.
     */
    static void microKernel(int depth, float[] w, int w0, int ldw, float[] ap, int ai, float[] tile, boolean load) {
        FloatVector acc00;
        FloatVector acc01;
        FloatVector acc10;
        FloatVector acc11;
        FloatVector acc20;
        FloatVector acc21;
        FloatVector acc30;
        FloatVector acc31;
        if (load) {
            acc00 = FloatVector.fromArray(SPECIES, tile, 0);
            acc01 = FloatVector.fromArray(SPECIES, tile, LANES);
            acc10 = FloatVector.fromArray(SPECIES, tile, AR);
            acc11 = FloatVector.fromArray(SPECIES, tile, AR + LANES);
            acc20 = FloatVector.fromArray(SPECIES, tile, 2 * AR);
            acc21 = FloatVector.fromArray(SPECIES, tile, 2 * AR + LANES);
            acc30 = FloatVector.fromArray(SPECIES, tile, 3 * AR);
            acc31 = FloatVector.fromArray(SPECIES, tile, 3 * AR + LANES);
        } else {
            FloatVector zero = FloatVector.zero(SPECIES);
            acc00 = zero;
            acc01 = zero;
            acc10 = zero;
            acc11 = zero;
            acc20 = zero;
            acc21 = zero;
            acc30 = zero;
            acc31 = zero;
        }
        int w1 = w0 + ldw;
        int w2 = w1 + ldw;
        int w3 = w2 + ldw;
        for (int p = 0; p < depth; p++) {
            int x = ai + p * AR;
            FloatVector x0 = FloatVector.fromArray(SPECIES, ap, x);
            FloatVector x1 = FloatVector.fromArray(SPECIES, ap, x + LANES);
            FloatVector wv = FloatVector.broadcast(SPECIES, w[w0 + p]);
            acc00 = wv.fma(x0, acc00);
            acc01 = wv.fma(x1, acc01);
            wv = FloatVector.broadcast(SPECIES, w[w1 + p]);
            acc10 = wv.fma(x0, acc10);
            acc11 = wv.fma(x1, acc11);
            wv = FloatVector.broadcast(SPECIES, w[w2 + p]);
            acc20 = wv.fma(x0, acc20);
            acc21 = wv.fma(x1, acc21);
            wv = FloatVector.broadcast(SPECIES, w[w3 + p]);
            acc30 = wv.fma(x0, acc30);
            acc31 = wv.fma(x1, acc31);
        }
        acc00.intoArray(tile, 0);
        acc01.intoArray(tile, LANES);
        acc10.intoArray(tile, AR);
        acc11.intoArray(tile, AR + LANES);
        acc20.intoArray(tile, 2 * AR);
        acc21.intoArray(tile, 2 * AR + LANES);
        acc30.intoArray(tile, 3 * AR);
        acc31.intoArray(tile, 3 * AR + LANES);
    }

    /**
     * The {@link #microKernel} of 2·WR rows of W: tile[r·AR + i] (+)= Σ_p w[w0 + r·ldw + p] ·
     * ap[ai + p·AR + i] for r &lt; 8, i &lt; AR, the same FMA chain per element. Written out beside
     * the 4-row kernel rather than replacing it: with 256-bit vectors (16 registers) its 16
     * accumulators would spill, and the 4-row kernel also serves the last rows of W.
     */
    static void twoGroupKernel(int depth, float[] w, int w0, int ldw, float[] ap, int ai, float[] tile, boolean load) {
        FloatVector acc00;
        FloatVector acc01;
        FloatVector acc10;
        FloatVector acc11;
        FloatVector acc20;
        FloatVector acc21;
        FloatVector acc30;
        FloatVector acc31;
        FloatVector acc40;
        FloatVector acc41;
        FloatVector acc50;
        FloatVector acc51;
        FloatVector acc60;
        FloatVector acc61;
        FloatVector acc70;
        FloatVector acc71;
        if (load) {
            acc00 = FloatVector.fromArray(SPECIES, tile, 0);
            acc01 = FloatVector.fromArray(SPECIES, tile, LANES);
            acc10 = FloatVector.fromArray(SPECIES, tile, AR);
            acc11 = FloatVector.fromArray(SPECIES, tile, AR + LANES);
            acc20 = FloatVector.fromArray(SPECIES, tile, 2 * AR);
            acc21 = FloatVector.fromArray(SPECIES, tile, 2 * AR + LANES);
            acc30 = FloatVector.fromArray(SPECIES, tile, 3 * AR);
            acc31 = FloatVector.fromArray(SPECIES, tile, 3 * AR + LANES);
            acc40 = FloatVector.fromArray(SPECIES, tile, 4 * AR);
            acc41 = FloatVector.fromArray(SPECIES, tile, 4 * AR + LANES);
            acc50 = FloatVector.fromArray(SPECIES, tile, 5 * AR);
            acc51 = FloatVector.fromArray(SPECIES, tile, 5 * AR + LANES);
            acc60 = FloatVector.fromArray(SPECIES, tile, 6 * AR);
            acc61 = FloatVector.fromArray(SPECIES, tile, 6 * AR + LANES);
            acc70 = FloatVector.fromArray(SPECIES, tile, 7 * AR);
            acc71 = FloatVector.fromArray(SPECIES, tile, 7 * AR + LANES);
        } else {
            FloatVector zero = FloatVector.zero(SPECIES);
            acc00 = zero;
            acc01 = zero;
            acc10 = zero;
            acc11 = zero;
            acc20 = zero;
            acc21 = zero;
            acc30 = zero;
            acc31 = zero;
            acc40 = zero;
            acc41 = zero;
            acc50 = zero;
            acc51 = zero;
            acc60 = zero;
            acc61 = zero;
            acc70 = zero;
            acc71 = zero;
        }
        int w1 = w0 + ldw;
        int w2 = w1 + ldw;
        int w3 = w2 + ldw;
        int w4 = w3 + ldw;
        int w5 = w4 + ldw;
        int w6 = w5 + ldw;
        int w7 = w6 + ldw;
        for (int p = 0; p < depth; p++) {
            int x = ai + p * AR;
            FloatVector x0 = FloatVector.fromArray(SPECIES, ap, x);
            FloatVector x1 = FloatVector.fromArray(SPECIES, ap, x + LANES);
            FloatVector wv = FloatVector.broadcast(SPECIES, w[w0 + p]);
            acc00 = wv.fma(x0, acc00);
            acc01 = wv.fma(x1, acc01);
            wv = FloatVector.broadcast(SPECIES, w[w1 + p]);
            acc10 = wv.fma(x0, acc10);
            acc11 = wv.fma(x1, acc11);
            wv = FloatVector.broadcast(SPECIES, w[w2 + p]);
            acc20 = wv.fma(x0, acc20);
            acc21 = wv.fma(x1, acc21);
            wv = FloatVector.broadcast(SPECIES, w[w3 + p]);
            acc30 = wv.fma(x0, acc30);
            acc31 = wv.fma(x1, acc31);
            wv = FloatVector.broadcast(SPECIES, w[w4 + p]);
            acc40 = wv.fma(x0, acc40);
            acc41 = wv.fma(x1, acc41);
            wv = FloatVector.broadcast(SPECIES, w[w5 + p]);
            acc50 = wv.fma(x0, acc50);
            acc51 = wv.fma(x1, acc51);
            wv = FloatVector.broadcast(SPECIES, w[w6 + p]);
            acc60 = wv.fma(x0, acc60);
            acc61 = wv.fma(x1, acc61);
            wv = FloatVector.broadcast(SPECIES, w[w7 + p]);
            acc70 = wv.fma(x0, acc70);
            acc71 = wv.fma(x1, acc71);
        }
        acc00.intoArray(tile, 0);
        acc01.intoArray(tile, LANES);
        acc10.intoArray(tile, AR);
        acc11.intoArray(tile, AR + LANES);
        acc20.intoArray(tile, 2 * AR);
        acc21.intoArray(tile, 2 * AR + LANES);
        acc30.intoArray(tile, 3 * AR);
        acc31.intoArray(tile, 3 * AR + LANES);
        acc40.intoArray(tile, 4 * AR);
        acc41.intoArray(tile, 4 * AR + LANES);
        acc50.intoArray(tile, 5 * AR);
        acc51.intoArray(tile, 5 * AR + LANES);
        acc60.intoArray(tile, 6 * AR);
        acc61.intoArray(tile, 6 * AR + LANES);
        acc70.intoArray(tile, 7 * AR);
        acc71.intoArray(tile, 7 * AR + LANES);
    }
}
