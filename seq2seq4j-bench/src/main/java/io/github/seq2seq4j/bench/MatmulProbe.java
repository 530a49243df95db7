package io.github.seq2seq4j.bench;

import io.github.seq2seq4j.kernels.Gemm;
import io.github.seq2seq4j.kernels.Parallel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A long-lived GEMM timer driven over stdin, so that tools/bench_matmul_interleaved.py can
 * alternate Java and PyTorch measurements of the same configuration seconds apart: on a machine
 * shared with other jobs that is the only way both see the same load.
 *
 * <p>Protocol: each input line {@code m k n layout threads seconds} (layout NN, NT or TN) is
 * answered by one line with the wall-clock GFLOP/s of back-to-back calls over about
 * {@code seconds}, after a warm-up of a third of that. The first line printed names the kernel.
 */
public final class MatmulProbe {
    private MatmulProbe() {}

    public static void main(String[] args) throws IOException {
        warmUp();
        System.out.println("ready " + Gemm.implementation() + " java " + Runtime.version());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.isBlank()) {
            String[] f = line.trim().split("\\s+");
            int m = Integer.parseInt(f[0]);
            int k = Integer.parseInt(f[1]);
            int n = Integer.parseInt(f[2]);
            boolean transA = f[3].charAt(0) == 'T';
            boolean transB = f[3].charAt(1) == 'T';
            Parallel.setThreads(Integer.parseInt(f[4]));
            double seconds = Double.parseDouble(f[5]);
            SplittableRandom rnd = new SplittableRandom(42);
            float[] a = random(rnd, m * k);
            float[] b = random(rnd, k * n);
            float[] c = new float[m * n];
            run(transA, transB, m, n, k, a, b, c, seconds / 3);
            double rate = run(transA, transB, m, n, k, a, b, c, seconds);
            System.out.printf("%.2f%n", rate);
            System.out.flush();
        }
    }

    /** Compiles the kernels (both GEMM paths, all layouts) before the first measurement. */
    private static void warmUp() {
        SplittableRandom rnd = new SplittableRandom(1);
        float[] a = random(rnd, 256 * 512);
        float[] b = random(rnd, 512 * 768);
        float[] c = new float[256 * 768];
        for (String layout : new String[] {"NN", "NT", "TN"}) {
            for (int m : new int[] {64, 256}) {
                run(layout.charAt(0) == 'T', layout.charAt(1) == 'T', m, 768, 512, a, b, c, 0.4);
            }
        }
    }

    /** Calls GEMM back to back for about {@code seconds}; returns GFLOP/s. */
    private static double run(boolean transA, boolean transB, int m, int n, int k,
                              float[] a, float[] b, float[] c, double seconds) {
        long budget = (long) (seconds * 1e9);
        long calls = 0;
        long t0 = System.nanoTime();
        long t1;
        do {
            Gemm.gemm(transA, transB, m, n, k, a, 0, transA ? m : k, b, 0, transB ? k : n, c, 0, n, false);
            calls++;
            t1 = System.nanoTime();
        } while (t1 - t0 < budget);
        return 2.0 * m * n * k * calls / (t1 - t0);
    }

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }
}
