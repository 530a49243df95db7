package io.github.seq2seq4j.cli.train;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.cli.report.MetricPoint;
import io.github.seq2seq4j.cli.report.MetricsCsv;
import io.github.seq2seq4j.cli.report.MetricsCsvAppender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@link MetricsSink} of a training run: {@code metrics.csv}, written through
 * {@link MetricsCsv}. The rows of each step or validation are appended in one write as they come,
 * so the file can be followed (or plotted) during training.
 */
public final class CsvMetricsSink implements MetricsSink {
    private final MetricsCsvAppender out;

    private CsvMetricsSink(MetricsCsvAppender out) {
        this.out = out;
    }

    /** A new file holding only the header (any old one is replaced). */
    public static CsvMetricsSink create(Path file) {
        try {
            MetricsCsv.write(file, List.of());
            return new CsvMetricsSink(MetricsCsvAppender.open(file));
        } catch (IOException e) {
            throw new InputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * Continues a file after a resume from step {@code step}: rows of later steps (written after
     * the checkpoint, then lost with the interrupted run) are dropped first, so every step appears once.
     */
    public static CsvMetricsSink resume(Path file, long step) {
        if (!Files.exists(file)) {
            return create(file);
        }
        try {
            MetricsCsv.truncateAfter(file, step);
            return new CsvMetricsSink(MetricsCsvAppender.open(file));
        } catch (IOException e) {
            // MetricsCsv's messages name the file (and line, for a malformed row)
            throw new InputException("cannot continue the metrics file: " + e.getMessage(), e);
        }
    }

    @Override
    public void record(List<MetricPoint> points) {
        try {
            out.append(points);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.file(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + out.file(), e);
        }
    }
}
