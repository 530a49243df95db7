package io.github.seq2seq4j.kernels;

/**
 * How one GEMM is divided between threads: into contiguous ranges of whole micro-tile panels along
 * the columns of C (each task packs only its own columns of B, the usual case) or along its rows
 * (when C is tall and narrow). Any split gives bit-identical results, see {@link GemmDriver}.
 */
final class GemmSplit {
    /**
     * Multiply-adds below which a second task costs more than it saves: handing work to a polling
     * worker and joining it costs well under a microsecond, but a worker that has parked takes tens
     * of microseconds to wake, and on a busy machine the second core may not be free. Splitting
     * paid from ~0.8 M multiply-adds on a free core; this keeps a margin. Measured in
     * docs/benchmarks.md ("Threads and the threshold"); can be overridden
     * for such measurements with {@code -Dseq2seq4j.kernels.minFmasPerTask=N}.
     */
    static final long MIN_FMAS_PER_TASK = Long.getLong("seq2seq4j.kernels.minFmasPerTask", 1L << 20);

    /**
     * Products with fewer rows than a tile (one sentence's matrix-vector steps) split at an eighth
     * of that: each multiply-add streams an element of B with nothing to reuse it, so a task's
     * work takes several times longer per multiply-add than in a full tile. Measured on the M
     * model's single-sentence greedy decoding at 2 threads (docs/performance.md).
     */
    static final int FEW_ROWS_DIVISOR = 8;

    /** The multiply-adds a task must have for C with {@code m} rows and tiles of {@code mr} rows. */
    static long minFmasPerTask(int m, int mr) {
        return m < mr ? MIN_FMAS_PER_TASK / FEW_ROWS_DIVISOR : MIN_FMAS_PER_TASK;
    }

    private final int tasks;
    private final boolean byColumns;
    private final int m;
    private final int n;
    private final int unit;
    private final int panels;

    private GemmSplit(int tasks, boolean byColumns, int m, int n, int unit, int panels) {
        this.tasks = tasks;
        this.byColumns = byColumns;
        this.m = m;
        this.n = n;
        this.unit = unit;
        this.panels = panels;
    }

    /**
     * How many tasks C[m×n] with depth k and mr×nr tiles gets on at most {@code threads} threads;
     * 1 for products too small to share. Allocates nothing, so tiny GEMMs pay only this arithmetic.
     */
    static int taskCount(int m, int n, int k, int mr, int nr, int threads) {
        if (threads <= 1) {
            return 1;
        }
        int tasks = wantedTasks(m, n, k, mr, threads);
        int colPanels = (n + nr - 1) / nr;
        int rowPanels = (m + mr - 1) / mr;
        return Math.min(tasks, byColumns(m, n, colPanels, rowPanels, tasks) ? colPanels : rowPanels);
    }

    /** Tasks the multiply-adds pay for, before the panels limit them: 1 to threads. */
    private static int wantedTasks(int m, int n, int k, int mr, int threads) {
        if (threads <= 1) {
            return 1;
        }
        long fmas = (long) m * n * k;
        return (int) Math.max(1, Math.min(threads, fmas / minFmasPerTask(m, mr)));
    }

    /** Duplicate packing of the smaller operand: split the columns of a wide C, the rows of a tall one. */
    private static boolean byColumns(int m, int n, int colPanels, int rowPanels, int tasks) {
        return n >= m ? colPanels >= tasks : rowPanels < tasks;
    }

    /** The split for C[m×n] with depth k and mr×nr tiles on at most {@code threads} threads. */
    static GemmSplit plan(int m, int n, int k, int mr, int nr, int threads) {
        int wanted = wantedTasks(m, n, k, mr, threads);
        int colPanels = (n + nr - 1) / nr;
        int rowPanels = (m + mr - 1) / mr;
        boolean byColumns = byColumns(m, n, colPanels, rowPanels, wanted);
        int panels = byColumns ? colPanels : rowPanels;
        return new GemmSplit(taskCount(m, n, k, mr, nr, threads), byColumns, m, n, byColumns ? nr : mr, panels);
    }

    int tasks() {
        return tasks;
    }

    int rowBegin(int t) {
        return byColumns ? 0 : begin(t, m);
    }

    int rowEnd(int t) {
        return byColumns ? m : begin(t + 1, m);
    }

    int colBegin(int t) {
        return byColumns ? begin(t, n) : 0;
    }

    int colEnd(int t) {
        return byColumns ? begin(t + 1, n) : n;
    }

    /** First row or column of task t: whole panels are dealt out as evenly as possible. */
    private int begin(int t, int extent) {
        return Math.min(extent, (int) ((long) panels * t / tasks) * unit);
    }
}
