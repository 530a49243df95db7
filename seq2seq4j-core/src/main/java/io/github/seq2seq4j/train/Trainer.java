package io.github.seq2seq4j.train;

import io.github.seq2seq4j.autograd.Graph;
import io.github.seq2seq4j.data.Batch;
import io.github.seq2seq4j.data.BatchIterator;
import io.github.seq2seq4j.data.BatchPosition;
import io.github.seq2seq4j.data.Batcher;
import io.github.seq2seq4j.kernels.Parallel;
import io.github.seq2seq4j.model.Encoded;
import io.github.seq2seq4j.model.EncoderDecoder;
import io.github.seq2seq4j.tensor.Arena;
import io.github.seq2seq4j.tensor.Rng;
import io.github.seq2seq4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trains an {@link EncoderDecoder} with teacher forcing (optionally scheduled sampling), token
 * cross-entropy with label smoothing, gradient clipping, an optimizer and a learning-rate
 * schedule; validates on a dev set, keeps the best checkpoint by a chosen metric, stops early
 * after {@code patience} validations without improvement, and skips non-finite steps.
 *
 * <p>Reproducible: the same seed, data and thread count give the same losses, and a run resumed
 * from a checkpoint continues exactly as if it had never stopped.
 */
public final class Trainer {
    /** How a run ended. */
    public record Result(long steps, String stopReason, ValidationReport best, ValidationReport last) {}

    private final EncoderDecoder model;
    private final TrainOptions options;
    private final Optimizer optimizer;
    private final LrSchedule schedule;
    private final Validator validator;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private final Graph graph = Graph.of(true, new Arena());
    private DataParallelStep dataParallel; // built when first needed, with one part per kernel thread
    private final Rng samplingRng;
    private Checkpoints checkpoints;
    private volatile boolean stopRequested;

    private long step;
    private BatchPosition resumeFrom;
    private double best = Double.NaN;
    private int badValidations;
    private int badSteps;
    private ValidationReport bestReport;
    private ValidationReport lastReport;
    private StepReport lastStep;

    /** A trainer of {@code model}: validates {@code options} and builds the optimizer and schedule they name. */
    public Trainer(EncoderDecoder model, TrainOptions options) {
        this.model = model;
        this.options = options.validate();
        Map<String, Tensor> params = model.namedParameters();
        this.optimizer = switch (options.optimizer()) {
            case "sgd" -> new Sgd(params, options.learningRate(), options.momentum(), options.weightDecay());
            case "adamw" -> new Adam(params, options.learningRate(), options.beta1(), options.beta2(), options.adamEps(),
                    options.weightDecay(), true);
            default -> new Adam(params, options.learningRate(), options.beta1(), options.beta2(), options.adamEps(),
                    options.weightDecay(), false);
        };
        this.schedule = switch (options.schedule()) {
            case "step" -> LrSchedule.stepDecay(options.learningRate(), options.decayEvery(), options.decayFactor());
            case "warmup_inv_sqrt" -> LrSchedule.warmupInverseSqrt(options.learningRate(), options.warmupSteps());
            case "plateau" -> new ReduceOnPlateau(options.learningRate(), TrainOptions.higherIsBetter(options.earlyStopMetric()),
                    options.decayFactor(), options.plateauPatience(), options.minLearningRate());
            default -> LrSchedule.constant(options.learningRate());
        };
        this.validator = new Validator(model, options);
        Rng seeds = new Rng(options.seed());
        model.setDropoutRng(seeds.split());
        this.samplingRng = seeds.split();
    }

    /** Adds a listener, told of steps, validations, checkpoints and messages in the order added. */
    public Trainer addListener(TrainingListener l) {
        listeners.add(l);
        return this;
    }

    /** Where "last" and "best" checkpoints go; without it nothing is written. */
    public Trainer checkpoints(Checkpoints c) {
        this.checkpoints = c;
        return this;
    }

    /** Asks the run to stop after the current step, saving a "last" checkpoint (safe from any thread). */
    public void requestStop() {
        stopRequested = true;
    }

    /** The optimizer, with its state (moments) for checkpoints. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** Optimizer steps taken so far (skipped non-finite steps do not count). */
    public long step() {
        return step;
    }

    /** Restores a checkpoint's trainer state and optimizer moments (the weights are loaded by the caller). */
    public void restore(TrainerState s, Map<String, Tensor> optimizerState) {
        step = s.step();
        resumeFrom = s.position();
        model.dropoutRng().setState(s.dropoutRng());
        samplingRng.setState(s.samplingRng());
        schedule.loadState(s.schedule());
        best = s.best();
        badValidations = s.badValidations();
        optimizer.loadState(optimizerState);
        message("resumed at step " + step + " (" + s.position() + ")");
    }

    /** Trains until the epochs or steps run out, early stopping triggers, or a stop is requested. */
    public Result train(Batcher batcher, DevSet dev) {
        BatchPosition position = resumeFrom != null ? resumeFrom : batcher.start(0);
        for (int epoch = position.epoch(); epoch < options.epochs(); epoch++) {
            BatchPosition from = epoch == position.epoch() ? position : batcher.start(epoch);
            for (TrainingListener l : listeners) {
                l.onEpochStart(epoch, countBatches(batcher, epoch));
            }
            try (BatchIterator it = batcher.iterator(from)) {
                long inEpoch = from.batch();
                while (it.hasNext()) {
                    Batch b = it.next();
                    boolean done = runStep(b, epoch, inEpoch++);
                    BatchPosition next = it.position();
                    if (badSteps >= options.maxBadSteps()) {
                        throw new IllegalStateException(badSteps + " consecutive steps had a non-finite loss or gradient;"
                                + " stopping (the last checkpoint is intact). Lower the learning rate or clip gradients.");
                    }
                    if (stopRequested) {
                        save("last", next);
                        return finish("stop requested");
                    }
                    boolean maxed = options.maxSteps() > 0 && step >= options.maxSteps();
                    if (done && (maxed || (options.validateEvery() > 0 && step % options.validateEvery() == 0))) {
                        boolean stop = validate(dev, epoch, next);
                        if (stop) {
                            return finish("early stopping: no improvement of " + options.earlyStopMetric()
                                    + " in " + options.patience() + " validations");
                        }
                    }
                    if (maxed) {
                        return finish("reached " + options.maxSteps() + " steps");
                    }
                }
            }
            BatchPosition next = batcher.start(epoch + 1);
            if (options.validateEvery() == 0) {
                if (validate(dev, epoch, next)) {
                    return finish("early stopping: no improvement of " + options.earlyStopMetric()
                            + " in " + options.patience() + " validations");
                }
            } else {
                save("last", next);
            }
        }
        return finish("completed " + options.epochs() + " epochs");
    }

    /**
     * One optimizer step on one batch, exactly as {@link #train} runs it (listeners are told), for
     * callers that bring their own batches, such as benchmarks. Returns the step's report.
     */
    public StepReport trainStep(Batch b) {
        runStep(b, 0, 0);
        return lastStep;
    }

    /**
     * Floats of scratch memory the last step took from the training graph's arena: the forward
     * activations and their gradients, all held until the next step starts (the arena frees nothing
     * within a step). Most of a training run's memory besides the parameters and optimizer state.
     */
    public long lastStepScratchFloats() {
        return dataParallel != null ? dataParallel.scratchFloats() : graph.arena().used();
    }

    /**
     * Gives the training graph's arena up (its chunks go to the pool that growing arenas take from,
     * see {@link io.github.seq2seq4j.tensor.Arena#release()}); the next step allocates it again.
     * {@link #train} does this when it ends; callers of {@link #trainStep} call it when they are
     * done training, so decoding afterwards does not sit beside a step's worth of activations.
     */
    public void releaseScratch() {
        if (dataParallel != null) {
            dataParallel.releaseScratch();
        }
        graph.reset();
        graph.arena().release();
    }

    /** One optimizer step on a batch; false if it was skipped as non-finite. */
    private boolean runStep(Batch b, int epoch, long inEpoch) {
        long t0 = System.nanoTime();
        graph.reset();
        float tf = options.teacherForcingAt(step + 1);
        DataParallelStep parts = dataParallelFor(b, tf);
        double lossValue;
        if (parts != null) {
            optimizer.zeroGrad();
            lossValue = parts.lossAndGradients(b, options.labelSmoothing());
        } else {
            Encoded enc = model.encode(graph, b.src(), b.srcLen(), b.srcWidth());
            Tensor loss = tf >= 1f // plain teacher forcing skips the padded target positions
                    ? model.teacherForcedLoss(graph, enc, b.tgtIn(), b.tgtOut(), b.tgtWidth(), options.labelSmoothing())
                    : model.loss(graph, model.forward(graph, enc, b.tgtIn(), b.tgtWidth(), tf, samplingRng), b.tgtOut(),
                            options.labelSmoothing());
            lossValue = loss.item();
            if (Double.isFinite(lossValue)) {
                optimizer.zeroGrad();
                graph.backward(loss);
            }
        }
        double norm = Double.NaN;
        boolean ok = Double.isFinite(lossValue);
        if (ok) {
            List<Tensor> params = model.parameters();
            norm = options.clipNorm() > 0 ? GradClip.clipNorm(params, options.clipNorm()) : GradClip.globalNorm(params);
            ok = Double.isFinite(norm);
        }
        float lr = schedule.rate(step + 1);
        if (ok) {
            if (options.clipValue() > 0) {
                GradClip.clipValue(model.parameters(), options.clipValue());
            }
            optimizer.setLearningRate(lr);
            optimizer.step();
            step++;
            badSteps = 0;
        } else {
            badSteps++;
            optimizer.zeroGrad();
            message("skipped a step with a non-finite " + (Double.isFinite(lossValue) ? "gradient" : "loss")
                    + " (" + badSteps + " in a row)");
        }
        StepReport r = new StepReport(step, epoch, inEpoch, lossValue, b.targetTokens(), lr, norm, tf, !ok, System.nanoTime() - t0);
        lastStep = r;
        for (TrainingListener l : listeners) {
            l.onStep(r);
        }
        return ok;
    }

    /**
     * The data-parallel step to run this batch with, or null for one graph: data parallelism is on,
     * there are several kernel threads and rows, and the step is plain teacher forcing (scheduled
     * sampling draws from one generator in row order, which parts cannot share).
     */
    private DataParallelStep dataParallelFor(Batch b, float tf) {
        int threads = Parallel.threads();
        if (!options.dataParallel() || threads < 2 || b.size() < 2 || tf < 1f) {
            return null;
        }
        if (dataParallel == null || dataParallel.parts() != threads) {
            dataParallel = new DataParallelStep(model, graph, threads);
        }
        return dataParallel;
    }

    /** Validates, updates best/patience/schedule, writes checkpoints; true if training should stop. */
    private boolean validate(DevSet dev, int epoch, BatchPosition next) {
        if (dev == null) {
            save("last", next);
            return false;
        }
        Map<String, Double> metrics = validator.evaluate(dev);
        String name = options.earlyStopMetric();
        double value = metrics.get(name);
        boolean higher = TrainOptions.higherIsBetter(name);
        boolean improved = Double.isNaN(best) || (higher ? value > best : value < best);
        if (improved) {
            best = value;
            badValidations = 0;
        } else {
            badValidations++;
        }
        schedule.onValidation(value);
        ValidationReport r = new ValidationReport(step, epoch, metrics, name, improved, validator.samples(dev, 3));
        lastReport = r;
        if (improved) {
            bestReport = r;
        }
        for (TrainingListener l : listeners) {
            l.onValidation(r);
        }
        if (improved) {
            save("best", next);
        }
        save("last", next);
        if (checkpoints != null && options.keepCheckpoints() > 0) {
            java.nio.file.Path snap = checkpoints.snapshot(step, model, options.keepCheckpoints());
            for (TrainingListener l : listeners) {
                l.onCheckpoint(snap.getFileName().toString(), snap);
            }
        }
        return options.patience() > 0 && badValidations >= options.patience();
    }

    private void save(String name, BatchPosition next) {
        if (checkpoints == null) {
            return;
        }
        TrainerState s = new TrainerState(step, next, model.dropoutRng().state(), samplingRng.state(), schedule.state(),
                best, badValidations);
        java.nio.file.Path dir = checkpoints.save(name, model, s, optimizer.state());
        for (TrainingListener l : listeners) {
            l.onCheckpoint(name, dir);
        }
    }

    private Result finish(String reason) {
        releaseScratch();
        message(reason);
        return new Result(step, reason, bestReport, lastReport);
    }

    private void message(String m) {
        for (TrainingListener l : listeners) {
            l.onMessage(m);
        }
    }

    /** Batches in an epoch (-1 when streaming, where counting would read the corpus twice). */
    private static long countBatches(Batcher batcher, int epoch) {
        if (batcher.options().poolSize() > 0) {
            return -1;
        }
        long n = 0;
        try (BatchIterator it = batcher.epoch(epoch)) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }
}
