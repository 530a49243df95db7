package io.github.seq2seq4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {
    @TempDir
    Path dir;

    @Test
    void specialsComeFirstWithReferenceIds() {
        Vocabulary v = Vocabulary.build(Map.of(), 1, 100);
        assertEquals(List.of("<pad>", "<unk>", "<s>", "</s>"), v.tokens());
        assertEquals(0, Vocabulary.PAD);
        assertEquals(1, Vocabulary.UNK);
        assertEquals(2, Vocabulary.BOS);
        assertEquals(3, Vocabulary.EOS);
        assertEquals(Vocabulary.EOS, v.id("</s>"));
    }

    @Test
    void ordersByCountThenCodePointAndAppliesLimits() {
        Map<String, Long> counts = Map.of("b", 3L, "a", 3L, "c", 5L, "d", 1L, "<unk>", 10L, "B", 3L);
        assertEquals(List.of("c", "B", "a", "b", "d"), Vocabulary.build(counts, 1, 100).tokens().subList(4, 9));
        assertEquals(List.of("c", "B", "a", "b"), Vocabulary.build(counts, 2, 100).tokens().subList(4, 8));
        Vocabulary small = Vocabulary.build(counts, 1, 6);
        assertEquals(6, small.size());
        assertEquals(List.of("c", "B"), small.tokens().subList(4, 6));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.build(counts, 1, 3));
    }

    @Test
    void tiesUseCodePointOrderNotUtf16Order() {
        String emoji = "\ud83d\ude00"; // U+1F600, UTF-16 unit 0xD83D sorts before 0xFFFD
        Vocabulary v = Vocabulary.build(Map.of(emoji, 1L, "\ufffd", 1L), 1, 10);
        assertEquals(List.of("\ufffd", emoji), v.tokens().subList(4, 6));
        assertTrue(emoji.compareTo("\ufffd") < 0);
    }

    @Test
    void buildsFromTokenCounts() {
        TokenCounts counts = new TokenCounts().add(List.of("x", "y", "x")).add("z", 5);
        assertEquals(2, counts.count("x"));
        assertEquals(0, counts.count("w"));
        assertEquals(3, counts.distinct());
        assertEquals(List.of("z", "x", "y"), Vocabulary.build(counts, 1, 10).tokens().subList(4, 7));
    }

    @Test
    void encodesUnknownAsUnkAndDecodesUntilEos() {
        Vocabulary v = Vocabulary.of(List.of("<pad>", "<unk>", "<s>", "</s>", "a", "b"));
        assertArrayEquals(new int[] {4, 1, 5, 2}, v.encode(List.of("a", "zzz", "b", "<s>")));
        assertEquals(List.of("a", "b", "<unk>"), v.decode(new int[] {2, 4, 0, 5, 1, 3, 4}));
        assertEquals(Vocabulary.UNK, v.id("missing"));
        assertFalse(v.contains("missing"));
    }

    @Test
    void fileRoundTripIsByteExact() throws Exception {
        List<String> tokens = new ArrayList<>(Vocabulary.SPECIALS);
        tokens.addAll(List.of("\u2581", "a", "\t", "x\u2028y", "\u00e9", "\ud83d\ude00", "a b"));
        Vocabulary v = Vocabulary.of(tokens);
        Path file = dir.resolve("src.vocab");
        v.write(file);
        String expected = String.join("\n", tokens) + "\n";
        assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(v, Vocabulary.read(file));
        assertEquals(4, Vocabulary.read(file).id("\u2581"));
    }

    @Test
    void readsTheReferenceDefaultVocabulary() throws Exception {
        // what seq2seq_ref.py export writes without --src-vocab: specials, a..z, U+2581
        StringBuilder text = new StringBuilder("<pad>\n<unk>\n<s>\n</s>\n");
        for (char c = 'a'; c <= 'z'; c++) {
            text.append(c).append('\n');
        }
        text.append("\u2581\n");
        Path file = dir.resolve("ref.vocab");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Vocabulary v = Vocabulary.read(file);
        assertEquals(31, v.size());
        assertEquals(30, v.id(CharTokenizer.SPACE));
        assertEquals(4, v.id("a"));
    }

    @Test
    void toleratesCrlf() throws Exception {
        Path file = dir.resolve("crlf.vocab");
        Files.writeString(file, "<pad>\r\n<unk>\r\n<s>\r\n</s>\r\nhola\r\n", StandardCharsets.UTF_8);
        assertEquals(4, Vocabulary.read(file).id("hola"));
    }

    private String readError(String content) throws Exception {
        Path file = dir.resolve("bad.vocab");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return assertThrows(InputException.class, () -> Vocabulary.read(file)).getMessage();
    }

    @Test
    void badFilesNameFileAndLine() throws Exception {
        String f = dir.resolve("bad.vocab").toString();
        assertEquals(f + ":1: expected the special token <pad> for id 0, found \"a\"", readError("a\n<pad>\n"));
        assertEquals(f + ":2: expected the special token <unk> for id 1, found \"<s>\"", readError("<pad>\n<s>\n"));
        assertEquals(f + ":3: vocabulary ends early: expected <s>", readError("<pad>\n<unk>\n"));
        assertEquals(f + ":1: vocabulary ends early: expected <pad>", readError(""));
        String head = "<pad>\n<unk>\n<s>\n</s>\n";
        assertEquals(f + ":6: empty token", readError(head + "a\n\nb\n"));
        assertEquals(f + ":7: token \"a\" already on line 5", readError(head + "a\nb\na\n"));
        assertEquals(f + ":6: token \"<s>\" already on line 3", readError(head + "a\n<s>\n"));
        Path bin = dir.resolve("bin.vocab");
        Files.write(bin, new byte[] {'<', 'p', 'a', 'd', '>', '\n', (byte) 0x80});
        assertEquals(bin + ":2: invalid UTF-8 at byte 1 of the line (0x80)",
                assertThrows(InputException.class, () -> Vocabulary.read(bin)).getMessage());
    }

    @Test
    void ofRejectsWhatCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("<pad>", "<unk>", "<s>")));
        List<String> bad = new ArrayList<>(Vocabulary.SPECIALS);
        bad.add("a\nb");
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(bad));
        bad.set(4, "a");
        bad.add("a");
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(bad));
    }
}
