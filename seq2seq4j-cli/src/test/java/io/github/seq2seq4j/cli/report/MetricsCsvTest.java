package io.github.seq2seq4j.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {
    @TempDir
    Path dir;

    private static final List<MetricPoint> POINTS = List.of(
            new MetricPoint(0, 0, "train", "learning_rate", 1.0E-4),
            new MetricPoint(100, 1, "train", "loss", 3.2191),
            new MetricPoint(100, 1, "train", "learning_rate", 0.0010000000474974513),
            new MetricPoint(500, 1, "dev", "bleu", 12.75),
            new MetricPoint(500, 1, "dev", "ppl", Double.POSITIVE_INFINITY),
            new MetricPoint(500, 1, "dev", "chrf++", 40.5),
            new MetricPoint(600, 2, "train", "loss", Double.NaN),
            new MetricPoint(Long.MAX_VALUE, 7, "test.2024", "my-metric_x", -0.0));

    @Test
    void roundTripsEveryValueExactly() throws IOException {
        Path file = dir.resolve("run/metrics.csv");
        MetricsCsv.write(file, POINTS);
        assertEquals(POINTS, MetricsCsv.read(file)); // record equality compares doubles bit by bit
        List<String> lines = Files.readAllLines(file);
        assertEquals(MetricsCsv.HEADER, lines.get(0));
        assertEquals("100,1,train,loss,3.2191", lines.get(2));
        assertEquals("0,0,train,learning_rate,1.0E-4", lines.get(1));
        assertEquals(POINTS.size() + 1, lines.size());
    }

    @Test
    void appendWritesTheHeaderOnce() throws IOException {
        Path file = dir.resolve("metrics.csv");
        MetricsCsv.append(file, POINTS.subList(0, 2));
        MetricsCsv.append(file, POINTS.subList(2, 4));
        MetricsCsv.append(file, List.of());
        assertEquals(POINTS.subList(0, 4), MetricsCsv.read(file));
        long headers = Files.readAllLines(file).stream().filter(MetricsCsv.HEADER::equals).count();
        assertEquals(1, headers);
    }

    @Test
    void toleratesCrLfAndBlankLines() throws IOException {
        String text = MetricsCsv.HEADER + "\r\n10,1,train,loss,2.5\r\n\r\n20,1,train,loss,2.0\r\n";
        assertEquals(List.of(new MetricPoint(10, 1, "train", "loss", 2.5), new MetricPoint(20, 1, "train", "loss", 2.0)),
                MetricsCsv.parse(text, "m.csv"));
    }

    @Test
    void readingAFileSharesTheRepeatedNamesAndNumbersLinesFromTheHeader(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("metrics.csv");
        Files.writeString(file, MetricsCsv.HEADER + "\r\n1,1,train,loss,2.5\r\n\r\n2,1,train,loss,2.25\n2,1,dev,acc,50.0\n");
        List<MetricPoint> points = MetricsCsv.read(file);
        assertEquals(3, points.size());
        assertSame(points.get(0).metric(), points.get(1).metric()); // one String per name, not one per row
        assertSame(points.get(0).split(), points.get(1).split());
        assertEquals(2.25, points.get(1).value());

        Files.writeString(file, MetricsCsv.HEADER + "\n1,1,train,loss,2.5\n\n2,1,train,loss\n");
        IOException e = assertThrows(IOException.class, () -> MetricsCsv.read(file));
        assertTrue(e.getMessage().startsWith(file + ":4: expected 5 fields"), e.getMessage());

        Files.writeString(file, "");
        e = assertThrows(IOException.class, () -> MetricsCsv.read(file));
        assertTrue(e.getMessage().startsWith(file + ":1: expected the header"), e.getMessage());
    }

    @Test
    void errorsNameTheFileAndLine() {
        IOException header = assertThrows(IOException.class, () -> MetricsCsv.parse("step,value\n1,2\n", "m.csv"));
        assertTrue(header.getMessage().startsWith("m.csv:1: "), header.getMessage());
        IOException fields = assertThrows(IOException.class,
                () -> MetricsCsv.parse(MetricsCsv.HEADER + "\n1,1,train,loss,2\n1,1,train,loss\n", "m.csv"));
        assertTrue(fields.getMessage().startsWith("m.csv:3: expected 5 fields"), fields.getMessage());
        IOException number = assertThrows(IOException.class,
                () -> MetricsCsv.parse(MetricsCsv.HEADER + "\n1,1,train,loss,abc\n", "m.csv"));
        assertTrue(number.getMessage().startsWith("m.csv:2: "), number.getMessage());
        IOException negative = assertThrows(IOException.class,
                () -> MetricsCsv.parse(MetricsCsv.HEADER + "\n-5,1,train,loss,1\n", "m.csv"));
        assertTrue(negative.getMessage().contains("must be >= 0"), negative.getMessage());
    }

    @Test
    void namesThatWouldNeedQuotingAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MetricPoint(1, 1, "dev,x", "bleu", 1));
        assertThrows(IllegalArgumentException.class, () -> new MetricPoint(1, 1, "dev", "a b", 1));
        assertThrows(IllegalArgumentException.class, () -> new MetricPoint(1, 1, "", "bleu", 1));
        assertThrows(IllegalArgumentException.class, () -> new MetricPoint(1, -1, "dev", "bleu", 1));
    }
}
