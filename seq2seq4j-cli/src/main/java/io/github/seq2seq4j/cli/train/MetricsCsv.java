package io.github.seq2seq4j.cli.train;

import io.github.seq2seq4j.InputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code metrics.csv}: a header {@value #HEADER}, then one row per value (see {@link MetricsSink}),
 * e.g. {@code 120,3,dev,acc,98.5}. Values are printed with Java's shortest round-trip form
 * ({@code Double.toString}), so a reader recovers them exactly. Rows are appended and flushed as
 * they come, so the file can be followed during training.
 */
public final class MetricsCsv implements MetricsSink {
    /** The first line. */
    public static final String HEADER = "step,epoch,split,metric,value";

    private final Path file;
    private final BufferedWriter out;

    private MetricsCsv(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** A new file (any old one is replaced). */
    public static MetricsCsv create(Path file) {
        try {
            BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            w.write(HEADER);
            w.write('\n');
            w.flush();
            return new MetricsCsv(file, w);
        } catch (IOException e) {
            throw new InputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * Continues a file after a resume from step {@code step}: rows of later steps (written after
     * the checkpoint, then lost with the interrupted run) are dropped first, so every step appears once.
     */
    public static MetricsCsv resume(Path file, long step) {
        if (!Files.exists(file)) {
            return create(file);
        }
        try {
            List<String> kept = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            kept.add(HEADER);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                int comma = line.indexOf(',');
                if (comma > 0 && Long.parseLong(line.substring(0, comma)) <= step) {
                    kept.add(line);
                }
            }
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.write(tmp, kept, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new MetricsCsv(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new InputException(file + ": cannot rewrite: " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw InputException.in(file.toString(), "not a metrics file written by seq2seq4j (" + e.getMessage() + ")");
        }
    }

    @Override
    public void record(long step, int epoch, String split, String metric, double value) {
        try {
            out.write(String.format(Locale.ROOT, "%d,%d,%s,%s,%s\n", step, epoch, split, metric, Double.toString(value)));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }
}
