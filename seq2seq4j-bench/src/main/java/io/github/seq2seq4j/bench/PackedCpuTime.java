package io.github.seq2seq4j.bench;

import io.github.seq2seq4j.kernels.Gemm;
import io.github.seq2seq4j.kernels.PackedMatrix;
import io.github.seq2seq4j.kernels.Parallel;
import io.github.seq2seq4j.kernels.RowProjection;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * x·Wᵀ and dY·W at the shapes of the S and M models' per-step products, in the calling thread's
 * CPU time: the ordinary {@link Gemm#gemm} (which packs W on every call, or reads it in place on
 * the few-rows x·Wᵀ path), the product with W packed once ({@link Gemm#pack}), and for one row
 * {@link RowProjection}; plus what one packing costs. Single thread.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp benchmarks.jar
 * io.github.seq2seq4j.bench.PackedCpuTime [repeats [MxKxN,...]]}; prints median GFLOP/s (min-max).
 */
public final class PackedCpuTime {
    /** m, k, n (C[m,n] = X[m,k]·op(W)). */
    private static final int[][] SHAPES = {
        {64, 128, 384}, {64, 320, 384}, {64, 128, 128}, {5, 128, 384}, {1, 128, 384}, {1, 320, 384}, {1, 128, 40},
        {64, 512, 1536}, {64, 1280, 1536}, {5, 512, 1536}, {1, 512, 1536}, {1, 1280, 1536}, {1, 512, 8000}};

    private PackedCpuTime() {}

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[][] shapes = SHAPES;
        if (args.length > 1) { // e.g. 1x512x8000,64x128x384
            String[] list = args[1].split(",");
            shapes = new int[list.length][];
            for (int i = 0; i < list.length; i++) {
                shapes[i] = Arrays.stream(list[i].split("x")).mapToInt(Integer::parseInt).toArray();
            }
        }
        Parallel.setThreads(1);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println("# Gemm.implementation() = " + Gemm.implementation() + ", java " + Runtime.version());
        System.out.printf("%16s %6s %14s %14s %14s %10s%n", "m x k x n", "op", "gemm", "packed", "row-proj",
                "pack µs");
        SplittableRandom rnd = new SplittableRandom(42);
        for (int[] s : shapes) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            float[] x = random(rnd, m * k);
            float[] w = random(rnd, n * k); // [n,k] for x·Wᵀ, [k,n] for x·W
            float[] c = new float[m * n];
            double flop = 2.0 * m * n * k;
            int calls = (int) Math.max(1, 2e8 / flop * 10);
            for (boolean transB : new boolean[] {true, false}) {
                int ldw = transB ? k : n;
                PackedMatrix p = Gemm.pack(transB, k, n, w, 0, ldw, null);
                String gemm = rate(mx, repeats, calls, flop,
                        () -> Gemm.gemm(false, transB, m, n, k, x, 0, k, w, 0, ldw, c, 0, n, false));
                String packed = rate(mx, repeats, calls, flop, () -> Gemm.gemm(false, m, x, 0, k, p, c, 0, n, false));
                String row = m == 1 && transB
                        ? rate(mx, repeats, calls, flop, () -> RowProjection.project(n, k, x, 0, w, 0, k, c, 0, false))
                        : "";
                int packs = Math.max(1, calls / 4);
                double[] us = new double[repeats];
                for (int r = -2; r < repeats; r++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < packs; i++) {
                        Gemm.pack(transB, k, n, w, 0, ldw, p);
                    }
                    if (r >= 0) {
                        us[r] = (mx.getCurrentThreadCpuTime() - t0) / 1e3 / packs;
                    }
                }
                Arrays.sort(us);
                System.out.printf("%16s %6s %14s %14s %14s %10.1f%n", m + "x" + k + "x" + n, transB ? "x·Wᵀ" : "x·W",
                        gemm, packed, row, us[repeats / 2]);
            }
        }
    }

    private static String rate(ThreadMXBean mx, int repeats, int calls, double flop, Runnable product) {
        double[] rates = new double[repeats];
        for (int r = -3; r < repeats; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                product.run();
            }
            long t1 = mx.getCurrentThreadCpuTime();
            if (r >= 0) {
                rates[r] = flop * calls / (t1 - t0);
            }
        }
        Arrays.sort(rates);
        return String.format("%.1f (%.0f-%.0f)", rates[repeats / 2], rates[0], rates[repeats - 1]);
    }

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }
}
