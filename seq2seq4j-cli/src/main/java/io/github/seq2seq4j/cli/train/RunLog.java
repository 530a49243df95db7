package io.github.seq2seq4j.cli.train;

import io.github.seq2seq4j.InputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code train.log}: plain text, one event per line, each prefixed with the local time
 * ({@code 2025-01-31 14:03:07 }). {@link #info} also echoes the line (without the time) to the
 * console; {@link #file} writes only to the log.
 */
public final class RunLog implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path path;
    private final BufferedWriter out;
    private final PrintWriter console;

    private RunLog(Path path, BufferedWriter out, PrintWriter console) {
        this.path = path;
        this.out = out;
        this.console = console;
    }

    /** Opens the log, truncating it unless {@code append}; {@code console} may be null. */
    public static RunLog open(Path file, boolean append, PrintWriter console) {
        try {
            BufferedWriter w = append
                    ? Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                    : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            return new RunLog(file, w, console);
        } catch (IOException e) {
            throw new InputException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** A line for the log and the console. */
    public synchronized void info(String line) {
        file(line);
        if (console != null) {
            console.println(line);
            console.flush();
        }
    }

    /** A line for the log only. */
    public synchronized void file(String line) {
        try {
            out.write(LocalDateTime.now().format(TIME));
            out.write(' ');
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path, e);
        }
    }
}
