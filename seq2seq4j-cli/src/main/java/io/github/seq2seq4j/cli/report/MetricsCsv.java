package io.github.seq2seq4j.cli.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metrics file of a training run, {@code metrics.csv}: UTF-8, one {@link MetricPoint} per line
 * in "long" form, after a fixed header:
 * <pre>
 * step,epoch,split,metric,value
 * 100,1,train,loss,3.2191
 * 100,1,train,learning_rate,0.001
 * 100,1,train,grad_norm,0.8342
 * 500,1,dev,bleu,12.75
 * </pre>
 * One row per measurement rather than one column per metric, because which metrics exist differs
 * between runs and between splits, and because a running trainer can then append rows as it
 * measures them without ever rewriting the header. Names never need quoting (see
 * {@link MetricPoint}); values are Java's shortest round-trip decimal ({@code 1.0E-4},
 * {@code NaN}, {@code Infinity}), which Python's {@code float()} and pandas also read. The
 * names a training run writes are those of {@link MetricNames}. Empty lines are skipped; anything
 * else that is not a row is an error naming the file and line.
 */
public final class MetricsCsv {
    /** The first line of every metrics file. */
    public static final String HEADER = "step,epoch,split,metric,value";

    private MetricsCsv() {}

    /** One row, without its line end. */
    public static String format(MetricPoint p) {
        return p.step() + "," + p.epoch() + "," + p.split() + "," + p.metric() + "," + p.value();
    }

    /** The whole file's text for {@code points}, header first. */
    public static String toCsv(List<MetricPoint> points) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (MetricPoint p : points) {
            sb.append(format(p)).append('\n');
        }
        return sb.toString();
    }

    /** Replaces {@code file} with {@code points}, atomically. */
    public static void write(Path file, List<MetricPoint> points) throws IOException {
        AtomicFiles.writeString(file, toCsv(points));
    }

    /**
     * Adds {@code points} to the end of {@code file}, creating it with the header if it is missing
     * or empty. The rows go out in one write and are forced to disk, so a crash loses at most the
     * rows of this call. A running trainer keeps a {@link MetricsCsvAppender} open instead.
     */
    public static void append(Path file, List<MetricPoint> points) throws IOException {
        try (MetricsCsvAppender out = MetricsCsvAppender.open(file)) {
            out.append(points);
        }
    }

    /**
     * Drops the rows of steps after {@code step} from {@code file}, atomically; returns how many
     * rows were dropped. A run resumed from a checkpoint at {@code step} calls this first, so the
     * rows measured after the checkpoint by the interrupted run are not there twice.
     */
    public static int truncateAfter(Path file, long step) throws IOException {
        List<MetricPoint> all = read(file);
        List<MetricPoint> kept = all.stream().filter(p -> p.step() <= step).toList();
        write(file, kept);
        return all.size() - kept.size();
    }

    /**
     * Reads a metrics file line by line: a long run's file (three rows per step) is never held
     * as text, and the few split and metric names are shared by all the rows that repeat them.
     */
    public static List<MetricPoint> read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Rows rows = new Rows(file.toString(), in.readLine());
            for (String line; (line = in.readLine()) != null; ) {
                rows.add(line);
            }
            return rows.points;
        }
    }

    /** Parses the text of a metrics file; {@code origin} names it in error messages. */
    public static List<MetricPoint> parse(String text, String origin) throws IOException {
        String[] lines = text.split("\r?\n", -1);
        Rows rows = new Rows(origin, lines[0]);
        for (int i = 1; i < lines.length; i++) {
            rows.add(lines[i]);
        }
        return rows.points;
    }

    /** The rows after a checked header, parsed in order. */
    private static final class Rows {
        final List<MetricPoint> points = new ArrayList<>();
        private final Map<String, String> names = new HashMap<>();
        private final String origin;
        private int lineNo = 1;

        Rows(String origin, String header) throws IOException {
            this.origin = origin;
            if (header == null || !header.strip().equals(HEADER)) {
                throw new IOException(origin + ":1: expected the header \"" + HEADER + "\"");
            }
        }

        void add(String line) throws IOException {
            lineNo++;
            if (!line.isBlank()) {
                points.add(parseRow(line, origin, lineNo, names));
            }
        }
    }

    private static MetricPoint parseRow(String line, String origin, int lineNo, Map<String, String> names) throws IOException {
        String[] f = line.split(",", -1);
        if (f.length != 5) {
            throw new IOException(String.format(Locale.ROOT,
                    "%s:%d: expected 5 fields (%s), found %d: %s", origin, lineNo, HEADER, f.length, line));
        }
        try {
            return new MetricPoint(Long.parseLong(f[0].strip()), Integer.parseInt(f[1].strip()),
                    shared(names, f[2].strip()), shared(names, f[3].strip()), Double.parseDouble(f[4].strip()));
        } catch (IllegalArgumentException e) { // NumberFormatException is one
            throw new IOException(String.format(Locale.ROOT, "%s:%d: %s: %s", origin, lineNo, e.getMessage(), line), e);
        }
    }

    private static String shared(Map<String, String> names, String name) {
        String known = names.putIfAbsent(name, name);
        return known == null ? name : known;
    }
}
