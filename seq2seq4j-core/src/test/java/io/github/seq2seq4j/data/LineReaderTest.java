package io.github.seq2seq4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.seq2seq4j.InputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReaderTest {

    private static List<String> lines(byte[] bytes) {
        List<String> out = new ArrayList<>();
        try (LineReader in = LineReader.of(new ByteArrayInputStream(bytes), "mem")) {
            for (String line; (line = in.readLine()) != null; ) {
                out.add(line);
            }
        }
        return out;
    }

    private static List<String> lines(String text) {
        return lines(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsLfCrlfAndLoneCr() {
        assertEquals(List.of("a", "b", "c", "d"), lines("a\nb\r\nc\rd\n"));
        assertEquals(List.of("a", "", "b"), lines("a\r\n\r\nb"));
        assertEquals(List.of("a", ""), lines("a\r\r"));
    }

    @Test
    void finalLineWithoutTerminatorAndEmptyFile() {
        assertEquals(List.of("x", "y"), lines("x\ny"));
        assertEquals(List.of(), lines(""));
        assertEquals(List.of(""), lines("\n"));
    }

    @Test
    void keepsUnicodeSeparatorsInsideTheLine() {
        assertEquals(List.of("a\u2028b\u0085c"), lines("a\u2028b\u0085c\n"));
    }

    @Test
    void dropsByteOrderMarkOnFirstLineOnly() {
        assertEquals(List.of("a", "\ufeffb"), lines("\ufeffa\n\ufeffb\n"));
    }

    @Test
    void longLinesCrossBufferBoundaries() {
        String longLine = "\u00e9".repeat(100_000);
        assertEquals(List.of(longLine, "z"), lines(longLine + "\r\nz"));
    }

    @Test
    void invalidUtf8NamesLineAndByte() {
        byte[] bytes = {'o', 'k', '\n', 'a', 'b', (byte) 0xC3, '(', '\n'};
        InputException e = assertThrows(InputException.class, () -> lines(bytes));
        assertEquals("mem:2: invalid UTF-8 at byte 3 of the line (0xC3)", e.getMessage());
    }

    @Test
    void truncatedSequenceAtEndOfFileIsInvalid() {
        byte[] bytes = {'a', '\n', (byte) 0xE2, (byte) 0x96};
        InputException e = assertThrows(InputException.class, () -> lines(bytes));
        assertEquals("mem:2: invalid UTF-8 at byte 1 of the line (0xE2)", e.getMessage());
    }

    @Test
    void lineNumbersCountFromOne() {
        try (LineReader in = LineReader.of(new ByteArrayInputStream("a\nb".getBytes(StandardCharsets.UTF_8)), "m")) {
            assertEquals(0, in.lineNumber());
            in.readLine();
            assertEquals(1, in.lineNumber());
            in.readLine();
            assertEquals(2, in.lineNumber());
            assertNull(in.readLine());
        }
    }

    @Test
    void missingFileIsInputError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.tsv");
        InputException e = assertThrows(InputException.class, () -> LineReader.open(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }
}
