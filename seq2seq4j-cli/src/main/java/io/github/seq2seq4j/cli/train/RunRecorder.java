package io.github.seq2seq4j.cli.train;

import io.github.seq2seq4j.cli.report.MetricNames;
import io.github.seq2seq4j.cli.report.MetricPoint;
import io.github.seq2seq4j.train.StepReport;
import io.github.seq2seq4j.train.TrainingListener;
import io.github.seq2seq4j.train.ValidationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        metrics.record(List.of(train(r, MetricNames.LOSS, r.loss()),
                train(r, MetricNames.LEARNING_RATE, r.learningRate()),
                train(r, MetricNames.GRAD_NORM, r.gradNorm())));
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

    private static MetricPoint train(StepReport r, String metric, double value) {
        return new MetricPoint(r.step(), r.epoch() + 1, MetricPoint.TRAIN, metric, value);
    }

    @Override
    public void onValidation(ValidationReport r) {
        List<MetricPoint> points = new ArrayList<>();
        r.metrics().forEach((name, value) -> points.add(new MetricPoint(r.step(), r.epoch() + 1, MetricPoint.DEV, name,
                value)));
        metrics.record(points);
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
