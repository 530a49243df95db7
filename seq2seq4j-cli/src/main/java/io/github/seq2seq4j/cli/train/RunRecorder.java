package io.github.seq2seq4j.cli.train;

import io.github.seq2seq4j.train.StepReport;
import io.github.seq2seq4j.train.TrainingListener;
import io.github.seq2seq4j.train.ValidationReport;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a run's progress to train.log (a line every {@code logEvery} steps, every validation with
 * a few sample translations, every checkpoint and message) and to a {@link MetricsSink}.
 */
final class RunRecorder implements TrainingListener {
    private final RunLog log;
    private final MetricsSink metrics;
    private final int logEvery;
    private final Path root;
    private long batches = -1;
    private double lossSum;
    private long lossCount;
    private long tokens;
    private long nanos;

    RunRecorder(RunLog log, MetricsSink metrics, int logEvery, Path root) {
        this.log = log;
        this.metrics = metrics;
        this.logEvery = logEvery;
        this.root = root;
    }

    @Override
    public void onEpochStart(int epoch, long batches) {
        this.batches = batches;
        log.file("epoch " + (epoch + 1) + " starts" + (batches >= 0 ? " (" + Summaries.count(batches) + " batches)" : ""));
    }

    @Override
    public void onStep(StepReport r) {
        if (r.skipped()) {
            return; // the trainer's message says so
        }
        metrics.record(r.step(), r.epoch() + 1, "train", "loss", r.loss());
        metrics.record(r.step(), r.epoch() + 1, "train", "learning_rate", r.learningRate());
        metrics.record(r.step(), r.epoch() + 1, "train", "grad_norm", r.gradNorm());
        lossSum += r.loss();
        lossCount++;
        tokens += r.targetTokens();
        nanos += r.nanos();
        if (r.step() % logEvery == 0) {
            log.file(String.format(Locale.ROOT, "step %d epoch %d batch %d%s: loss %.4f (mean of %d steps) lr %s grad_norm %.3f"
                    + " %s target tok/s", r.step(), r.epoch() + 1, r.batchInEpoch() + 1,
                    batches >= 0 ? "/" + batches : "", lossSum / lossCount, lossCount, Summaries.rate(r.learningRate()),
                    r.gradNorm(), Summaries.count(Math.round(tokens / (nanos / 1e9)))));
            lossSum = 0;
            lossCount = 0;
            tokens = 0;
            nanos = 0;
        }
    }

    @Override
    public void onValidation(ValidationReport r) {
        r.metrics().forEach((name, value) -> metrics.record(r.step(), r.epoch() + 1, "dev", name, value));
        log.file("validation at step " + r.step() + " epoch " + (r.epoch() + 1) + ": " + Summaries.metrics(r.metrics())
                + (r.improved() ? " (new best " + r.metric() + ")" : ""));
        for (String[] s : r.samples()) {
            log.file("  source: " + s[0] + " | hypothesis: " + s[1] + " | reference: " + s[2]);
        }
    }

    @Override
    public void onCheckpoint(String name, Path dir) {
        log.file("saved checkpoint " + root.relativize(dir.toAbsolutePath()));
    }

    @Override
    public void onMessage(String message) {
        log.file(message);
    }
}
