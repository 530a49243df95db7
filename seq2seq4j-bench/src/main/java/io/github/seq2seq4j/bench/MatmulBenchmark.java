package io.github.seq2seq4j.bench;

import io.github.seq2seq4j.kernels.Gemm;
import io.github.seq2seq4j.kernels.Parallel;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * C[m,n] = op(A)[m,k]·op(B)[k,n] through {@link Gemm}, at the shapes a seq2seq model runs:
 * 64×512×768 and 64×256×768 (batch 64 through a GRU's 3·hidden input projection),
 * 1280×256×8000 (all 64×20 decoder steps through the vocabulary projection),
 * 1024×1024×1024 (the classic square reference) and 64×128×384 (one recurrent step).
 *
 * <p>{@code layout}: NN = A·B, NT = A·Bᵀ (x·Wᵀ with PyTorch-layout weights [out,in], the hot
 * case), TN = Aᵀ·B (weight gradients). Time per call is reported; tools/jmh_gflops.py turns it
 * into GFLOP/s = 2mnk / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class MatmulBenchmark {
    @Param({"64x512x768", "64x256x768", "1280x256x8000", "1024x1024x1024", "64x128x384"})
    public String shape;

    @Param({"NN", "NT", "TN"})
    public String layout;

    @Param({"1", "2"})
    public int threads;

    private int m;
    private int n;
    private int k;
    private boolean transA;
    private boolean transB;
    private float[] a;
    private float[] b;
    private float[] c;
    private int previousThreads;

    @Setup
    public void setUp() {
        String[] dims = shape.split("x");
        m = Integer.parseInt(dims[0]);
        k = Integer.parseInt(dims[1]);
        n = Integer.parseInt(dims[2]);
        transA = layout.charAt(0) == 'T';
        transB = layout.charAt(1) == 'T';
        SplittableRandom rnd = new SplittableRandom(42);
        a = random(rnd, m * k);
        b = random(rnd, k * n);
        c = new float[m * n];
        previousThreads = Parallel.threads();
        Parallel.setThreads(threads);
        System.out.println();
        System.out.println("# Gemm.implementation() = " + Gemm.implementation());
    }

    @TearDown
    public void tearDown() {
        Parallel.setThreads(previousThreads);
    }

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }

    @Benchmark
    public void matmul(Blackhole bh) {
        // stored A is [m,k] or [k,m], stored B is [k,n] or [n,k]; leading dimensions are minimal
        Gemm.gemm(transA, transB, m, n, k, a, 0, transA ? m : k, b, 0, transB ? k : n, c, 0, n, false);
        bh.consume(c);
    }
}
