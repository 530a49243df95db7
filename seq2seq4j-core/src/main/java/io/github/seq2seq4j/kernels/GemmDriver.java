package io.github.seq2seq4j.kernels;

/**
 * The cache-blocking loops around a register-blocked micro-kernel (Goto and van de Geijn 2008):
 *
 * <pre>
 *   for jc in [0,n) step NC
 *     for pc in [0,k) step KC
 *       pack B̃ = op(B)[pc:pc+kc, jc:jc+nc]        kc×nc, lives in L3
 *       for ic in [0,m) step MC
 *         pack Ã = op(A)[ic:ic+mc, pc:pc+kc]      mc×kc, lives in L2
 *         for jr in [0,nc) step nr                one B̃ panel kc×nr, lives in L1
 *           for ir in [0,mc) step mr
 *             C[mr×nr] (+)= Ã panel · B̃ panel     the micro-kernel, C tile in registers
 * </pre>
 *
 * When a task's rows fit one MC block (the recurrent and attention products, m = batch), Ã is packed
 * once per kc and each B̃ panel is packed just before the tiles that use it, while it is in L1.
 *
 * <p>Reproducibility: a micro-kernel computes every element of C as one chain of fused
 * multiply-adds over p = 0..k-1 in order, starting from 0 (or from C when accumulating) and
 * reloading C between kc blocks. The value of an element therefore does not depend on the block
 * sizes' alignment with it, on tile edges, or on how the output is split between threads.
 */
abstract class GemmDriver implements GemmKernel {
    /** Micro-tile: rows of A and columns of B per register tile. */
    final int mr;
    final int nr;
    /** Cache blocks: rows of Ã (L2), depth of a B̃ panel (L1), columns of B̃ (L3). */
    final int mc;
    final int kc;
    final int nc;

    /**
     * Panels per group when a lone last row follows the tiles over the same panels: 4 panels of
     * kc×nr floats (64 KiB for the 256-bit vector kernel's 256×16, 256 KiB for the 512-bit one's
     * 512×32, 128 KiB for java-blocked's 128×64),
     * still in L2 when the row reads them.
     */
    static final int ROW_GROUP = 4;

    GemmDriver(int mr, int nr, int mc, int kc, int nc) {
        if (mc % mr != 0 || nc % nr != 0) {
            throw new IllegalArgumentException("blocks " + mc + "x" + kc + "x" + nc
                    + " are not multiples of the tile " + mr + "x" + nr);
        }
        this.mr = mr;
        this.nr = nr;
        this.mc = mc;
        this.kc = kc;
        this.nc = nc;
    }

    /**
     * C[mr×nr] at c[ci], row stride ldc, (+)= Ã panel · B̃ panel over {@code depth} steps: one fused
     * multiply-add chain per element in p order, starting from C when {@code load}, else from 0.
     */
    abstract void microKernel(int depth, float[] ap, int ai, float[] bp, int bi,
                              float[] c, int ci, int ldc, boolean load);

    /** Packs one nr-column panel of op(B); a kernel may override this with a faster copy. */
    void packBPanel(boolean transB, float[] b, int bOff, int ldb, int p0, int kcCur, int j0, int cols,
                    float[] bp, int dst) {
        GemmPacking.packBPanel(transB, b, bOff, ldb, p0, kcCur, j0, cols, nr, bp, dst);
    }

    @Override
    public final void gemm(boolean transA, boolean transB, int m, int n, int k,
                           float[] a, int aOff, int lda,
                           float[] b, int bOff, int ldb,
                           float[] c, int cOff, int ldc, boolean accumulate) {
        int threads = Parallel.threads();
        if (GemmSplit.taskCount(m, n, k, mr, nr, threads) == 1) {
            block(transA, transB, n, k, a, aOff, lda, b, bOff, ldb, null, c, cOff, ldc, accumulate, 0, m, 0, n);
            return;
        }
        GemmSplit split = GemmSplit.plan(m, n, k, mr, nr, threads);
        Parallel.run(split.tasks(), t -> block(transA, transB, n, k, a, aOff, lda, b, bOff, ldb, null, c, cOff, ldc,
                accumulate, split.rowBegin(t), split.rowEnd(t), split.colBegin(t), split.colEnd(t)));
    }

    /**
     * Packed layout: op(B) in depth blocks of kc, each block holding every nr-column panel of op(B)
     * (n rounded up to nr) one after the other, as {@link GemmPacking#packBPanel} writes them.
     * Panel s of the block at depth pc starts at {@code pc·roundUp(n, nr) + s·nr·kcCur}.
     */
    @Override
    public final int packedLayout() {
        return mr << 24 | nr << 16 | kc;
    }

    @Override
    public final int packedSize(int k, int n) {
        return k * roundUp(n, nr);
    }

    @Override
    public final void pack(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] dst) {
        int nPad = roundUp(n, nr);
        for (int pc = 0; pc < k; pc += kc) {
            int kcCur = Math.min(kc, k - pc);
            for (int j = 0; j < n; j += nr) {
                packBPanel(transB, b, bOff, ldb, pc, kcCur, j, Math.min(nr, n - j), dst, pc * nPad + j * kcCur);
            }
        }
    }

    @Override
    public final void gemmPacked(boolean transA, int m, int n, int k, float[] a, int aOff, int lda, float[] bp,
                                 float[] c, int cOff, int ldc, boolean accumulate) {
        int threads = Parallel.threads();
        if (GemmSplit.taskCount(m, n, k, mr, nr, threads) == 1) {
            block(transA, false, n, k, a, aOff, lda, null, 0, 0, bp, c, cOff, ldc, accumulate, 0, m, 0, n);
            return;
        }
        GemmSplit split = GemmSplit.plan(m, n, k, mr, nr, threads);
        Parallel.run(split.tasks(), t -> block(transA, false, n, k, a, aOff, lda, null, 0, 0, bp, c, cOff, ldc,
                accumulate, split.rowBegin(t), split.rowEnd(t), split.colBegin(t), split.colEnd(t)));
    }

    /**
     * One row of op(A) times packed B, C[0, jBeg:jEnd] at c[ci], one depth block after the other.
     * {@code x[xo + p]} is op(A)[0, p] for p &lt; k.
     */
    final void rowTimesPacked(int k, float[] x, int xo, float[] bp, int nPad, float[] c, int ci, int jBeg, int jEnd,
                              boolean accumulate) {
        for (int pc = 0; pc < k; pc += kc) {
            int kcCur = Math.min(kc, k - pc);
            rowTimesPanels(kcCur, x, xo + pc, bp, pc * nPad + jBeg * kcCur, c, ci + jBeg, jEnd - jBeg,
                    accumulate || pc > 0);
        }
    }

    /**
     * One row times the panels of one depth block over a column range: c[ci .. ci+cols) (+)=
     * Σ_{p &lt; depth} x[xp+p] · (the packed panels of depth {@code depth} starting at bp[bi], one after
     * the other, the last one partial when cols is not a multiple of nr). Each element must be one
     * fused multiply-add chain over p in order from C when {@code load}, else from 0, so that it has
     * the bits the micro-kernel gives a row of a tile. A kernel implements it as a matrix-vector loop.
     */
    abstract void rowTimesPanels(int depth, float[] x, int xp, float[] bp, int bi, float[] c, int ci, int cols,
                                 boolean load);

    /**
     * Computes C[iBeg:iEnd, jBeg:jEnd] with this thread's packing buffers; op(B) is packed here
     * from b, or read from {@code packedB} (the whole of op(B) in the layout of {@link #pack}).
     */
    private void block(boolean transA, boolean transB, int n, int k,
                       float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] packedB,
                       float[] c, int cOff, int ldc, boolean accumulate,
                       int iBeg, int iEnd, int jBeg, int jEnd) {
        int nPad = roundUp(n, nr);
        int rows = iEnd - iBeg;
        if (packedB != null && rows == 1) {
            rowTimesPacked(k, rowOfOpA(transA, k, a, aOff, lda, iBeg), transA ? 0 : aOff + iBeg * lda, packedB, nPad,
                    c, cOff + iBeg * ldc, jBeg, jEnd, accumulate);
            return;
        }
        GemmScratch s = GemmScratch.ofThread();
        int depth = Math.min(kc, k);
        if (rows <= mc) {
            // A lone last row (5 rows: a tile and one row) would cost a whole edge tile; with a packed B
            // it is computed by the matrix-vector loop over each group of panels the tiles just used.
            // Two lone rows (m % 4 == 2) the same way, two row passes instead of one edge tile, were
            // at most 3 % faster for m = 6 and 10 and up to 7 % slower for m = 2 with n = 8000, so
            // they stay an edge tile.
            boolean loneRow = packedB != null && rows > 1 && rows % mr == 1;
            int tileRows = loneRow ? rows - 1 : rows;
            int last = iEnd - 1;
            float[] x = loneRow ? rowOfOpA(transA, k, a, aOff, lda, last) : null;
            int xo = transA ? 0 : aOff + last * lda;
            float[] ap = s.packedA(roundUp(tileRows, mr) * depth);
            float[] bp = packedB != null ? packedB : s.packedB(depth * nr);
            for (int pc = 0; pc < k; pc += kc) {
                int kcCur = Math.min(kc, k - pc);
                boolean load = accumulate || pc > 0;
                int inPlace = inPlaceRows(transA, tileRows);
                GemmPacking.packA(transA, a, aOff, lda, iBeg + inPlace, tileRows - inPlace, pc, kcCur, mr, ap, 0);
                for (int jg = jBeg; jg < jEnd; jg += ROW_GROUP * nr) {
                    int gEnd = Math.min(jEnd, jg + ROW_GROUP * nr);
                    for (int jr = jg; jr < gEnd; jr += nr) {
                        int cols = Math.min(nr, gEnd - jr);
                        int bi = pc * nPad + jr * kcCur;
                        if (packedB == null) {
                            packBPanel(transB, b, bOff, ldb, pc, kcCur, jr, cols, bp, 0);
                            bi = 0;
                        }
                        rowsOfTiles(s, kcCur, a, aOff + iBeg * lda + pc, lda, inPlace, ap, bp, bi, tileRows, cols,
                                c, cOff + iBeg * ldc + jr, ldc, load);
                    }
                    if (loneRow) { // the group's panels are still in L2
                        rowTimesPanels(kcCur, x, xo + pc, bp, pc * nPad + jg * kcCur, c,
                                cOff + last * ldc + jg, gEnd - jg, load);
                    }
                }
            }
            return;
        }
        float[] ap = s.packedA(mc * depth);
        float[] bp = packedB != null ? packedB : s.packedB(depth * roundUp(Math.min(nc, jEnd - jBeg), nr));
        for (int jc = jBeg; jc < jEnd; jc += nc) {
            int ncCur = Math.min(nc, jEnd - jc);
            for (int pc = 0; pc < k; pc += kc) {
                int kcCur = Math.min(kc, k - pc);
                boolean load = accumulate || pc > 0;
                int b0 = pc * nPad + jc * kcCur;
                if (packedB == null) {
                    for (int s0 = 0; s0 < ncCur; s0 += nr) {
                        packBPanel(transB, b, bOff, ldb, pc, kcCur, jc + s0, Math.min(nr, ncCur - s0), bp, s0 * kcCur);
                    }
                    b0 = 0;
                }
                for (int ic = iBeg; ic < iEnd; ic += mc) {
                    int mcCur = Math.min(mc, iEnd - ic);
                    int inPlace = inPlaceRows(transA, mcCur);
                    GemmPacking.packA(transA, a, aOff, lda, ic + inPlace, mcCur - inPlace, pc, kcCur, mr, ap, 0);
                    for (int jr = 0; jr < ncCur; jr += nr) {
                        int cols = Math.min(nr, ncCur - jr);
                        rowsOfTiles(s, kcCur, a, aOff + ic * lda + pc, lda, inPlace, ap, bp, b0 + jr * kcCur, mcCur, cols,
                                c, cOff + ic * ldc + jc + jr, ldc, load);
                    }
                }
            }
        }
    }

    /**
     * Row i of op(A), at offset {@code transA ? 0 : aOff + i·lda} of the array returned: A itself,
     * or the row gathered from a strided column of A into this thread's row buffer.
     */
    private static float[] rowOfOpA(boolean transA, int k, float[] a, int aOff, int lda, int i) {
        if (!transA) {
            return a;
        }
        float[] x = GemmScratch.ofThread().row(k);
        for (int p = 0; p < k; p++) {
            x[p] = a[aOff + p * lda + i];
        }
        return x;
    }

    /**
     * True when the kernel has {@link #twoPanelKernel}: two adjacent A panels (2·mr rows) against one
     * B̃ panel at once, which shares each load of B between twice the rows.
     */
    boolean hasTwoPanelKernel() {
        return false;
    }

    /**
     * C[2·mr×nr] at c[ci] (+)= the A panels at ap[ai] and ap[ai + mr·depth] · the B̃ panel at bp[bi]:
     * the same arithmetic per element as two {@link #microKernel} calls. Only called when
     * {@link #hasTwoPanelKernel} is true.
     */
    void twoPanelKernel(int depth, float[] ap, int ai, float[] bp, int bi, float[] c, int ci, int ldc, boolean load) {
        throw new UnsupportedOperationException(name() + " has no two-panel kernel");
    }

    /**
     * How many of a block's first rows the two-panel kernel reads straight from A instead of from
     * packed panels: whole groups of 2·mr rows when A is not transposed (each row is then a run of
     * consecutive floats along p, as in a packed panel). Packing costs a copy per element of A,
     * which feeds only n multiply-adds: with 16-lane FMAs and the few columns of the backward
     * products (n = 40-256 in the benchmark models) the copy was ~10 % of a training step.
     */
    private int inPlaceRows(boolean transA, int rows) {
        return !transA && hasTwoPanelKernel() ? rows / (2 * mr) * (2 * mr) : 0;
    }

    /**
     * Rows×cols of C at c[ci] against one B̃ panel: the first {@code inPlace} rows with A read in
     * place (row i at a[a0 + i·lda], depth consecutive floats), the others from the packed panels
     * at ap[0] (which hold only those rows).
     */
    private void rowsOfTiles(GemmScratch s, int depth, float[] a, int a0, int lda, int inPlace, float[] ap,
                             float[] bp, int bi, int rows, int cols, float[] c, int ci, int ldc, boolean load) {
        for (int ir = 0; ir < inPlace; ir += 2 * mr) {
            int aRow = a0 + ir * lda;
            int cIdx = ci + ir * ldc;
            if (cols == nr) {
                twoPanelKernelInPlace(depth, a, aRow, lda, bp, bi, c, cIdx, ldc, load);
            } else { // the last, partial panel of B: through a full tile
                float[] tile = s.tile(2 * mr * nr);
                if (load) {
                    for (int i = 0; i < 2 * mr; i++) {
                        System.arraycopy(c, cIdx + i * ldc, tile, i * nr, cols);
                    }
                }
                twoPanelKernelInPlace(depth, a, aRow, lda, bp, bi, tile, 0, nr, load);
                for (int i = 0; i < 2 * mr; i++) {
                    System.arraycopy(tile, i * nr, c, cIdx + i * ldc, cols);
                }
            }
        }
        if (rows > inPlace) {
            tiles(s, depth, ap, bp, bi, rows - inPlace, cols, c, ci + inPlace * ldc, ldc, load);
        }
    }

    /**
     * {@link #twoPanelKernel} with the 2·mr rows of A read in place: row i, step p at
     * a[a0 + i·lda + p]. Only called when {@link #hasTwoPanelKernel} is true.
     */
    void twoPanelKernelInPlace(int depth, float[] a, int a0, int lda, float[] bp, int bi, float[] c, int ci, int ldc,
                               boolean load) {
        throw new UnsupportedOperationException(name() + " has no two-panel kernel");
    }

    /** Runs the micro-kernel down one column of tiles: rows×cols of C at c[ci] against one B̃ panel. */
    private void tiles(GemmScratch s, int depth, float[] ap, float[] bp, int bi, int rows, int cols,
                       float[] c, int ci, int ldc, boolean load) {
        int ir = 0;
        if (cols == nr && hasTwoPanelKernel()) {
            for (; ir + 2 * mr <= rows; ir += 2 * mr) {
                twoPanelKernel(depth, ap, ir * depth, bp, bi, c, ci + ir * ldc, ldc, load);
            }
        }
        for (; ir < rows; ir += mr) {
            int tileRows = Math.min(mr, rows - ir);
            int cIdx = ci + ir * ldc;
            if (tileRows == mr && cols == nr) {
                microKernel(depth, ap, ir * depth, bp, bi, c, cIdx, ldc, load);
            } else {
                edgeTile(s, depth, ap, ir * depth, bp, bi, tileRows, cols, c, cIdx, ldc, load);
            }
        }
    }

    /** A partial tile at the bottom or right edge: computed in a full mr×nr buffer, valid part copied. */
    private void edgeTile(GemmScratch s, int depth, float[] ap, int ai, float[] bp, int bi, int rows, int cols,
                          float[] c, int ci, int ldc, boolean load) {
        float[] tile = s.tile(mr * nr);
        if (load) {
            for (int i = 0; i < rows; i++) {
                System.arraycopy(c, ci + i * ldc, tile, i * nr, cols);
            }
        }
        microKernel(depth, ap, ai, bp, bi, tile, 0, nr, load);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(tile, i * nr, c, ci + i * ldc, cols);
        }
    }

    static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
