package io.github.seq2seq4j.cli.bench;

import io.github.seq2seq4j.autograd.FrozenPacks;
import io.github.seq2seq4j.data.Batch;
import io.github.seq2seq4j.io.Json;
import io.github.seq2seq4j.io.ModelBundle;
import io.github.seq2seq4j.kernels.Blas1;
import io.github.seq2seq4j.kernels.Gemm;
import io.github.seq2seq4j.kernels.Parallel;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.model.ModelConfig;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.train.StepReport;
import io.github.seq2seq4j.train.TrainOptions;
import io.github.seq2seq4j.train.Trainer;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code seq2seq4j bench}: what {@code seq2seq_ref.py bench} does, in Java. Trains with Adam
 * (lr 1e-3), gradient clipping at global norm 1 and teacher forcing on synthetic reversal
 * batches, then decodes for exactly max-len + 1 steps: one batch greedily, K single sentences
 * greedily, and the same K with a beam of 5 (the beam's rows as one batch). Prints one JSON line
 * with the reference's keys plus {@code peak_rss_mb}, {@code kernels} and {@code decode_warmup}.
 *
 * <p>One difference from the reference, on purpose: before the timed decoding the JIT gets an
 * untimed warm-up on other sentences ({@code --decode-warmup}; the batches and the single
 * sentences each for at least {@code --decode-warmup-seconds}), as the training steps get one in
 * both implementations. Without it a single greedy batch (a few milliseconds of work) would time
 * the compilation of the decoding code rather than the decoding; {@code --decode-warmup 0} does
 * exactly what the reference does. The decoding keeps the weights packed across sentences
 * ({@link FrozenPacks}), as a loaded model does for {@code translate} and the server.
 *
 * <p>Besides the wall-clock throughputs it reports the CPU time of the benchmarking thread
 * ({@code cpu_ms_*}: the median per training step, the one greedy batch, and the medians per single
 * sentence), which a loaded machine disturbs far less than the wall clock, and the heap it
 * allocated ({@code alloc_kb_*}: medians per training step and per single sentence), and the
 * largest scratch memory of a training step ({@code scratch_mb_train_step}: activations and their
 * gradients, see {@link Trainer#lastStepScratchFloats()}), and the JVM's options ({@code jvm_options}:
 * the collector and heap settings decide much of the peak RSS). With {@code --threads 1}
 * all the work runs on that thread; with more, the kernels' helper threads are not counted.
 */
@Command(
        name = "bench",
        header = "Time training and decoding on synthetic data (the PyTorch reference's bench).",
        description = "Train on synthetic reversal data, then decode for a fixed number of steps, and print one JSON "
                + "line of throughputs: the same work as 'seq2seq_ref.py bench', so the two can be compared side by side.",
        sortOptions = false,
        footerHeading = "%nExample:%n",
        footer = "  seq2seq4j bench --config cfg.json --vocab 40 --batch 64 --min-len 5 --max-len 20 --threads 1")
public final class BenchCommand implements Callable<Integer> {
    private static final int BEAM = 5;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "Model configuration JSON (the reference's Config fields).")
    Path config;

    @Option(names = "--vocab", paramLabel = "N", defaultValue = "40", description = "Source and target vocabulary size (default ${DEFAULT-VALUE}).")
    int vocab;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64", description = "Sentences per training batch (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--min-len", paramLabel = "N", defaultValue = "5", description = "Shortest sentence (default ${DEFAULT-VALUE}).")
    int minLen;

    @Option(names = "--max-len", paramLabel = "N", defaultValue = "20", description = "Longest sentence (default ${DEFAULT-VALUE}).")
    int maxLen;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "20", description = "Timed training steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3", description = "Untimed training steps first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--singles", paramLabel = "N", defaultValue = "50", description = "Sentences decoded one at a time (default ${DEFAULT-VALUE}).")
    int singles;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Kernel threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--data-parallel", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "With --threads > 1, train with each batch split between the threads (training.data_parallel)"
                    + " instead of each matrix product (default ${DEFAULT-VALUE}).")
    boolean dataParallel;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed for weights and data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--decode-warmup", defaultValue = "20", paramLabel = "N",
            description = "Untimed decoding before each timed decoding phase, on other data: N sentences greedy one"
                    + " at a time and with the beam, and max(3, N/10) greedy batches (default ${DEFAULT-VALUE}; 0 for"
                    + " none). The JIT compiles the decoding code here, as --warmup lets it compile the training code.")
    int decodeWarmup;

    @Option(names = "--decode-warmup-seconds", defaultValue = "1", paramLabel = "S",
            description = "With --decode-warmup, each of its two parts (the batches, the single sentences) also"
                    + " runs for at least S seconds of wall time (default ${DEFAULT-VALUE}). A count alone left L's"
                    + " batch on two threads timing the JIT's compiler threads, which compete with both decoding"
                    + " threads for a 2-core machine.")
    double decodeWarmupSeconds;

    @Override
    public Integer call() {
        if (steps < 1 || warmup < 0 || singles < 1 || batch < 1 || threads < 1 || decodeWarmup < 0
                || !(decodeWarmupSeconds >= 0)) {
            throw new ParameterException(spec.commandLine(), "need --steps, --singles, --batch, --threads >= 1 and"
                    + " --warmup, --decode-warmup, --decode-warmup-seconds >= 0");
        }
        ModelConfig cfg = ModelBundle.parseConfig(Json.read(config), config.toString());
        Parallel.setThreads(threads);
        EncoderDecoder model = new EncoderDecoder(cfg, vocab, vocab);
        model.initDefault(new Rng(seed));
        SyntheticData data;
        try {
            data = new SyntheticData(seed, vocab, minLen, maxLen);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }

        // ---- training: Adam 1e-3, clip 1.0, teacher forcing ----
        Trainer trainer = new Trainer(model, new TrainOptions().optimizer("adam").learningRate(1e-3f).clipNorm(1f).seed(seed)
                .dataParallel(dataParallel));
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < warmup + steps; i++) {
            batches.add(data.next(batch));
        }
        List<Double> losses = new ArrayList<>();
        long tokens = 0;
        long t0 = 0;
        double[] trainCpu = new double[steps];
        double[] trainAlloc = new double[steps];
        long scratchFloats = 0;
        ThreadMeter meter = new ThreadMeter();
        for (int i = 0; i < batches.size(); i++) {
            if (i == warmup) {
                t0 = System.nanoTime();
            }
            meter.start();
            StepReport r = trainer.trainStep(batches.get(i));
            if (i >= warmup) {
                trainCpu[i - warmup] = meter.cpuMillis();
                trainAlloc[i - warmup] = meter.allocatedKb();
                scratchFloats = Math.max(scratchFloats, trainer.lastStepScratchFloats());
            }
            losses.add(r.loss());
            if (i >= warmup) {
                tokens += batches.get(i).targetTokens();
            }
        }
        double trainS = seconds(t0);
        trainer.releaseScratch(); // as PyTorch has freed its activations after each backward

        // ---- decoding: exactly max-len + 1 steps, the same work for any weights ----
        // Training is over and the weights never change again: packs are kept across sentences, as
        // a loaded (frozen) Seq2SeqModel keeps them for translate and the server.
        FrozenPacks packs = new FrozenPacks();
        int decodeSteps = maxLen + 1;
        if (decodeWarmup > 0) { // its own data, so the timed sentences are those of a run without warm-up
            SyntheticData other = new SyntheticData(~seed, vocab, minLen, maxLen);
            long minNanos = (long) (decodeWarmupSeconds * 1e9);
            long start = System.nanoTime();
            for (int i = 0; i < Math.max(3, decodeWarmup / 10) || System.nanoTime() - start < minNanos; i++) {
                FixedGreedy.decode(model, packs, other.next(batch), decodeSteps); // the batch path: its own shapes
            }
            start = System.nanoTime();
            for (int i = 0; i < decodeWarmup || System.nanoTime() - start < minNanos; i++) {
                Batch s = other.next(1);
                FixedGreedy.decode(model, packs, s, decodeSteps);
                FixedBeam.decode(model, packs, s, BEAM, decodeSteps);
            }
        }
        Batch one = data.next(batch);
        t0 = System.nanoTime();
        meter.start();
        FixedGreedy.decode(model, packs, one, decodeSteps);
        double batchCpu = meter.cpuMillis();
        double batchS = seconds(t0);
        List<Batch> sentences = new ArrayList<>();
        for (int i = 0; i < singles; i++) {
            sentences.add(data.next(1));
        }
        double[] singleCpu = new double[singles];
        double[] beamCpu = new double[singles];
        double[] singleAlloc = new double[singles];
        double[] beamAlloc = new double[singles];
        t0 = System.nanoTime();
        for (int i = 0; i < singles; i++) {
            meter.start();
            FixedGreedy.decode(model, packs, sentences.get(i), decodeSteps);
            singleCpu[i] = meter.cpuMillis();
            singleAlloc[i] = meter.allocatedKb();
        }
        double singleS = seconds(t0);
        t0 = System.nanoTime();
        for (int i = 0; i < singles; i++) {
            meter.start();
            FixedBeam.decode(model, packs, sentences.get(i), BEAM, decodeSteps);
            beamCpu[i] = meter.cpuMillis();
            beamAlloc[i] = meter.allocatedKb();
        }
        double beamS = seconds(t0);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("impl", "seq2seq4j-jdk" + jdkVersion() + "-" + Blas1.implementation());
        out.put("threads", threads);
        out.put("data_parallel", dataParallel);
        Map<String, Object> cfgJson = ModelBundle.configJson(cfg);
        cfgJson.remove("format");
        out.put("config", cfgJson);
        out.put("vocab", vocab);
        out.put("batch", batch);
        out.put("steps", steps);
        out.put("train_target_tokens_per_s", round(tokens / trainS, 1));
        out.put("loss_first", round(losses.get(0), 4));
        out.put("loss_last", round(losses.get(losses.size() - 1), 4));
        out.put("greedy_batch_sentences_per_s", round(batch / batchS, 1));
        out.put("greedy_single_sentences_per_s", round(singles / singleS, 1));
        out.put("beam5_single_sentences_per_s", round(singles / beamS, 1));
        out.put("cpu_ms_train_step", round(median(trainCpu), 3));
        out.put("cpu_ms_greedy_batch", round(batchCpu, 3));
        out.put("cpu_ms_greedy_single", round(median(singleCpu), 3));
        out.put("cpu_ms_beam5_single", round(median(beamCpu), 3));
        out.put("alloc_kb_train_step", round(median(trainAlloc), 1));
        out.put("alloc_kb_greedy_single", round(median(singleAlloc), 1));
        out.put("alloc_kb_beam5_single", round(median(beamAlloc), 1));
        out.put("scratch_mb_train_step", round(scratchFloats * 4 / 1e6, 3));
        out.put("peak_rss_mb", PeakRss.megabytes());
        out.put("kernels", Gemm.implementation());
        out.put("jvm_options", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        out.put("decode_warmup", decodeWarmup);
        out.put("decode_warmup_seconds", decodeWarmup > 0 ? decodeWarmupSeconds : 0);
        PrintWriter w = spec.commandLine().getOut();
        w.println(Json.write(out));
        w.flush();
        return 0;
    }

    /** e.g. "17.0.15": the feature, interim and update numbers without the build. */
    private static String jdkVersion() {
        StringBuilder sb = new StringBuilder();
        for (int part : Runtime.version().version()) {
            sb.append(sb.length() == 0 ? "" : ".").append(part);
        }
        return sb.toString();
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double round(double x, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(x * f) / f;
    }
}
