package io.github.seq2seq4j.decode;

import io.github.seq2seq4j.kernels.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a batch of sentences is split between the kernel threads for decoding: sentences decode
 * independently (each row of every product is one chain of multiply-adds whatever the other rows,
 * and padding is skipped), so each thread can decode a part of the batch alone, with its kernels
 * running serially, and every sentence gets the bits it gets in the whole batch. Small products
 * split badly between threads; whole sentences split well.
 */
public final class ThreadSplit {
    /** Sentences per part at least: fewer rows than two tiles of the GEMM are left to the kernels' own splitting. */
    public static final int MIN_ROWS = 8;

    private ThreadSplit() {}

    /** Parts for a batch of {@code rows} sentences: one per kernel thread, each of at least {@link #MIN_ROWS}; 1 for none. */
    public static int parts(int rows) {
        return Math.max(1, Math.min(Parallel.threads(), rows / MIN_ROWS));
    }

    /**
     * Runs {@code part} once per part of a batch of {@code rows} sentences with the rows of that
     * part ({@link #rows}), each on its own thread; with a single part, once on this thread with
     * every row in order.
     */
    public static void forEachPart(int rows, Consumer<int[]> part) {
        int parts = parts(rows);
        Parallel.run(parts, p -> part.accept(rows(p, parts, rows)));
    }

    /**
     * {@code together} applied to the sources as one batch, or, when there are {@link #parts} of
     * them, to each part on its own thread: the results in the order of the sources either way.
     * {@code together} returns one result per source of the batch it is given, in order.
     */
    public static <R> List<R> decode(int[][] sources, Function<int[][], List<R>> together) {
        if (parts(sources.length) == 1) {
            return together.apply(sources);
        }
        Object[] out = new Object[sources.length];
        forEachPart(sources.length, rows -> {
            int[][] part = new int[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                part[i] = sources[rows[i]];
            }
            List<R> got = together.apply(part);
            for (int i = 0; i < rows.length; i++) {
                out[rows[i]] = got.get(i);
            }
        });
        @SuppressWarnings("unchecked")
        List<R> ordered = (List<R>) new ArrayList<>(Arrays.asList(out));
        return ordered;
    }

    /** The rows of part {@code part} of {@code parts}: part, part + parts, part + 2·parts, … below {@code rows}. */
    public static int[] rows(int part, int parts, int rows) {
        int[] out = new int[(rows - part + parts - 1) / parts];
        for (int i = 0; i < out.length; i++) {
            out[i] = part + i * parts;
        }
        return out;
    }
}
