package io.github.seq2seq4j.cli.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * An open {@code metrics.csv} that rows are added to as a run measures them (see
 * {@link MetricsCsv} for the format). Opening writes the header when the file is missing or
 * empty. Each {@link #append} hands its rows to the operating system in one write, so a reader
 * following the file sees whole rows and a crashed JVM loses nothing it appended; {@link #close}
 * also forces them to disk.
 */
public final class MetricsCsvAppender implements Closeable {
    private final Path file;
    private final FileChannel channel;

    private MetricsCsvAppender(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens {@code file} for appending, creating it (and its directory) with the header if needed. */
    public static MetricsCsvAppender open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        MetricsCsvAppender appender = new MetricsCsvAppender(file, channel);
        if (fresh) {
            try {
                appender.write(MetricsCsv.HEADER + "\n");
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }
        return appender;
    }

    /** The file written to. */
    public Path file() {
        return file;
    }

    /** Adds {@code points} at the end of the file, in one write. */
    public void append(List<MetricPoint> points) throws IOException {
        if (points.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(points.size() * 32);
        for (MetricPoint p : points) {
            sb.append(MetricsCsv.format(p)).append('\n');
        }
        write(sb.toString());
    }

    private void write(String text) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Forces the rows to disk and closes the file. */
    @Override
    public void close() throws IOException {
        try {
            channel.force(false);
        } finally {
            channel.close();
        }
    }
}
