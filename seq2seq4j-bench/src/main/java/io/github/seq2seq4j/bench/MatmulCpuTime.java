package io.github.seq2seq4j.bench;

import io.github.seq2seq4j.kernels.Gemm;
import io.github.seq2seq4j.kernels.Parallel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Single-thread GEMM throughput measured in the calling thread's CPU time rather than wall time:
 * on a machine shared with other jobs, time spent descheduled does not count, so the figure shows
 * what the kernel does while it runs. A companion to {@link MatmulBenchmark} (which reports wall
 * time), used next to {@code tools/bench_matmul_torch.py --cpu-time}.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp benchmarks.jar
 * io.github.seq2seq4j.bench.MatmulCpuTime [repeats]}; prints the median and min-max GFLOP/s.
 */
public final class MatmulCpuTime {
    private static final int[][] SHAPES = {{64, 512, 768}, {64, 256, 768}, {1280, 256, 8000}, {1024, 1024, 1024},
        {64, 128, 384}};
    private static final String[] LAYOUTS = {"NN", "NT", "TN"};

    private MatmulCpuTime() {}

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Parallel.setThreads(1);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println("# Gemm.implementation() = " + Gemm.implementation() + ", java " + Runtime.version());
        System.out.printf("%7s %16s %6s %8s %7s %7s%n", "threads", "shape", "layout", "GFLOP/s", "min", "max");
        SplittableRandom rnd = new SplittableRandom(42);
        for (int[] s : SHAPES) {
            int m = s[0];
            int k = s[1];
            int n = s[2];
            float[] a = random(rnd, m * k);
            float[] b = random(rnd, k * n);
            float[] c = new float[m * n];
            double flop = 2.0 * m * n * k;
            int calls = (int) Math.max(1, 3e8 / flop * 30);
            for (String layout : LAYOUTS) {
                boolean transA = layout.charAt(0) == 'T';
                boolean transB = layout.charAt(1) == 'T';
                double[] rates = new double[repeats];
                for (int r = -3; r < repeats; r++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < calls; i++) {
                        Gemm.gemm(transA, transB, m, n, k, a, 0, transA ? m : k, b, 0, transB ? k : n, c, 0, n, false);
                    }
                    long t1 = mx.getCurrentThreadCpuTime();
                    if (r >= 0) {
                        rates[r] = flop * calls / (t1 - t0);
                    }
                }
                Arrays.sort(rates);
                System.out.printf("%7d %16s %6s %8.1f %7.1f %7.1f%n", 1, m + "x" + k + "x" + n, layout,
                        rates[repeats / 2], rates[0], rates[repeats - 1]);
            }
        }
    }

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }
}
