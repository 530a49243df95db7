package io.github.seq2seq4j.bench;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.kernels.Parallel;
import io.github.seq2seq4j.nn.CellType;
import io.github.seq2seq4j.nn.RecurrentLayer;
import io.github.seq2seq4j.ops.Reductions;
import io.github.seq2seq4j.tensor.Arena;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
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

/**
 * Forward and forward+backward of a bidirectional recurrent layer over a padded batch (64
 * sentences of 20 steps, lengths 10–20), i.e. 40 fused cell steps per call, at the hidden sizes of
 * the S (128) and M (512) benchmark configurations. The graph's arena is reused across calls, as
 * the trainer does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class RecurrentLayerBenchmark {
    @Param({"gru", "lstm"})
    public String cell;

    @Param({"128", "512"})
    public int hidden;

    @Param({"1", "2"})
    public int threads;

    private RecurrentLayer layer;
    private Tensor x;
    private int[] lengths;
    private Graph training;
    private Graph inference;
    private int previousThreads;

    @Setup
    public void setUp() {
        previousThreads = Parallel.threads();
        Parallel.setThreads(threads);
        int emb = hidden / 2;
        layer = new RecurrentLayer(CellType.parse(cell), emb, hidden, 1, true, 0f);
        Rng rng = new Rng(1);
        layer.initDefault(rng);
        x = Tensor.zeros(64, 20, emb);
        rng.uniform(x, -1f, 1f);
        x.attachGrad(Tensor.zeros(64, 20, emb));
        lengths = new int[64];
        for (int b = 0; b < 64; b++) {
            lengths[b] = 10 + rng.nextInt(11);
        }
        lengths[0] = 20;
        training = Graph.of(true, new Arena());
        inference = Graph.of(false, new Arena());
    }

    @TearDown
    public void tearDown() {
        Parallel.setThreads(previousThreads);
    }

    @Benchmark
    public float forward() {
        inference.reset();
        return layer.forward(inference, x, lengths, null, null).output().at(0);
    }

    @Benchmark
    public float forwardBackward() {
        training.reset();
        Tensor out = layer.forward(training, x, lengths, null, null).output();
        Tensor loss = Reductions.sum(training, out);
        training.backward(loss);
        return loss.item();
    }
}
