package io.github.seq2seq4j.cli.train;

import io.github.seq2seq4j.train.StepReport;
import io.github.seq2seq4j.train.TrainingListener;
import io.github.seq2seq4j.train.ValidationReport;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What a person watching the console sees. With a terminal, a live bar per epoch (batches done, ETA,
 * mean loss of the epoch, target tokens per second, learning rate); without one, or when asked to
 * be quiet, nothing per step. In both modes one summary line per validation (or per epoch when
 * there is no dev set), so a log of a quiet run still tells the story.
 */
final class ConsoleProgress implements TrainingListener {
    private final PrintWriter out;
    private final PrintStream barStream; // null: no bar
    private final int epochs;
    private final boolean hasDev;
    private final long started = System.nanoTime();
    private final int width;
    private ProgressBar bar;
    private int epoch = -1;
    private long batches;
    private double lossSum;
    private long lossCount;
    private long tokens;
    private long nanos;
    private long step;
    private double best = Double.NaN;

    ConsoleProgress(PrintWriter out, PrintStream barStream, int epochs, boolean hasDev) {
        this.out = out;
        this.barStream = barStream;
        this.epochs = epochs;
        this.hasDev = hasDev;
        this.width = barStream == null ? 0 : Terminals.columns() - 1; // the last column would wrap on some terminals
    }

    @Override
    public void onEpochStart(int e, long batchCount) {
        endEpoch();
        epoch = e;
        batches = batchCount;
        lossSum = 0;
        lossCount = 0;
        tokens = 0;
        nanos = 0;
    }

    @Override
    public void onStep(StepReport r) {
        if (r.skipped()) {
            return;
        }
        step = r.step();
        lossSum += r.loss();
        lossCount++;
        tokens += r.targetTokens();
        nanos += r.nanos();
        if (barStream == null) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch + 1, epochs))
                    .setInitialMax(batches)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .continuousUpdate()
                    .startsFrom(r.batchInEpoch(), Duration.ZERO)
                    .setConsumer(new ConsoleProgressBarConsumer(barStream, width))
                    .build();
        }
        bar.stepTo(r.batchInEpoch() + 1);
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f | %s tok/s | lr %s", lossSum / lossCount,
                Summaries.count(tokensPerSecond()), Summaries.rate(r.learningRate())));
        if (batches > 0 && r.batchInEpoch() + 1 >= batches) {
            closeBar();
        }
    }

    @Override
    public void onValidation(ValidationReport r) {
        best = r.improved() ? r.value() : best;
        line(String.format(Locale.ROOT, "epoch %d step %d | train loss %.4f | %s | %s", r.epoch() + 1, r.step(),
                meanLoss(), Summaries.validation(r, best), Summaries.duration(System.nanoTime() - started)));
    }

    @Override
    public void onMessage(String message) {
        if (message.startsWith("skipped") || message.startsWith("resumed")) {
            line(message);
        }
    }

    /** Call when training ends: closes the bar and prints the last epoch line if it is due. */
    void finish() {
        endEpoch();
    }

    private void endEpoch() {
        closeBar();
        if (epoch >= 0 && !hasDev && lossCount > 0) {
            line(String.format(Locale.ROOT, "epoch %d step %d | train loss %.4f | %s tok/s | %s", epoch + 1, step,
                    meanLoss(), Summaries.count(tokensPerSecond()), Summaries.duration(System.nanoTime() - started)));
            lossCount = 0;
            lossSum = 0;
        }
    }

    private double meanLoss() {
        return lossCount == 0 ? Double.NaN : lossSum / lossCount;
    }

    private long tokensPerSecond() {
        return nanos == 0 ? 0 : Math.round(tokens / (nanos / 1e9));
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private void line(String text) {
        if (bar != null) {
            out.print("\r\033[K"); // over the bar; it redraws itself below on its next tick
        }
        out.println(text);
        out.flush();
    }
}
