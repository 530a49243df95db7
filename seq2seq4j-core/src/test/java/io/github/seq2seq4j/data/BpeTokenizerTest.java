package io.github.seq2seq4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.seq2seq4j.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTokenizerTest {
    private static final String M = BpeTokenizer.WORD_START;

    @TempDir
    Path dir;

    private static BpeTokenizer firstFour() {
        return BpeLearnerTest.sennrich().learn(4); // e s, es t, o w, ▁l ow
    }

    @Test
    void appliesMergesByRank() {
        BpeTokenizer bpe = firstFour();
        assertEquals(List.of(M + "low", "est", M + "n", "e", "w", "e", "r"), bpe.tokenize("lowest newer"));
    }

    @Test
    void unseenCharactersStaySingleSymbols() {
        BpeTokenizer bpe = firstFour();
        assertEquals(List.of(M + "\u00f1", "\ud83d\ude00", "est"), bpe.tokenize("\u00f1\ud83d\ude00est"));
        assertEquals(List.of(), bpe.tokenize(" \t "));
    }

    @Test
    void detokenizeRestoresNormalizedText() {
        BpeTokenizer bpe = firstFour();
        assertEquals("lowest newer", bpe.detokenize(bpe.tokenize("lowest newer")));
        assertEquals("a b", bpe.detokenize(bpe.tokenize("  a\u00a0\tb ")));
        // U+2581 separates words, as the char tokenizer reads it back as a space
        assertEquals(List.of(M + "a", M + "b"), bpe.tokenize("a\u2581b"));
    }

    @Test
    void roundTripOnRandomTextWithLearnedMerges() {
        Random r = new Random(11);
        String alphabet = "abcdefgh\u00e9\u00f1\u4e2d\ud83d\ude00<>/@";
        BpeLearner learner = new BpeLearner();
        for (int i = 0; i < 500; i++) {
            learner.addText(sentence(r, alphabet));
        }
        BpeTokenizer bpe = learner.learn(300);
        assertEquals(300, bpe.merges().size());
        for (int i = 0; i < 500; i++) {
            String text = sentence(r, alphabet);
            List<String> tokens = bpe.tokenize(text);
            assertEquals(text, bpe.detokenize(tokens));
            assertEquals(new WhitespaceTokenizer().tokenize(text).size(),
                    tokens.stream().filter(t -> t.startsWith(M)).count());
        }
    }

    private static String sentence(Random r, String alphabet) {
        StringBuilder sb = new StringBuilder();
        int words = 1 + r.nextInt(6);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                sb.append(' ');
            }
            sb.append(BpeLearnerTest.randomWord(r, alphabet, 7));
        }
        return sb.toString();
    }

    @Test
    void saveAndLoadKeepMergesAndSegmentation() throws Exception {
        BpeTokenizer bpe = BpeLearnerTest.sennrich().learn(100);
        Path file = dir.resolve("bpe.merges");
        bpe.save(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(BpeTokenizer.HEADER, lines.get(0));
        assertEquals("e s", lines.get(1));
        assertEquals(M + "low er", lines.get(12));
        assertEquals(13, lines.size());
        BpeTokenizer loaded = BpeTokenizer.load(file);
        assertEquals(bpe.merges(), loaded.merges());
        assertEquals(bpe.tokenize("lowest wider newer"), loaded.tokenize("lowest wider newer"));
    }

    private String loadError(String content) throws Exception {
        Path file = dir.resolve("bad.merges");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return assertThrows(InputException.class, () -> BpeTokenizer.load(file)).getMessage();
    }

    @Test
    void malformedMergesFilesNameFileAndLine() throws Exception {
        String f = dir.resolve("bad.merges").toString();
        String h = BpeTokenizer.HEADER + "\n";
        assertEquals(f + ":1: not a BPE merges file: expected the header \"" + BpeTokenizer.HEADER + "\"",
                loadError("e s\n"));
        assertEquals(f + ":1: not a BPE merges file: expected the header \"" + BpeTokenizer.HEADER + "\"",
                loadError(""));
        assertEquals(f + ":3: expected two symbols separated by one space, found \"est\"", loadError(h + "e s\nest\n"));
        assertEquals(f + ":2: expected two symbols separated by one space, found \"e  s\"", loadError(h + "e  s\n"));
        assertEquals(f + ":2: empty symbol", loadError(h + " s\n"));
        assertEquals(f + ":2: word-start marker inside symbol \"" + M + "s\"", loadError(h + "e " + M + "s\n"));
        assertEquals(f + ":2: white space in symbol \"e\tx\"", loadError(h + "e\tx s\n"));
        assertEquals(f + ":4: duplicate merge \"e s\" (first on line 2)", loadError(h + "e s\nes t\ne s\n"));
        Path bin = dir.resolve("bin.merges");
        Files.write(bin, (h + "e s\n\u00ff").getBytes(StandardCharsets.ISO_8859_1));
        InputException e = assertThrows(InputException.class, () -> BpeTokenizer.load(bin));
        assertEquals(bin + ":3: invalid UTF-8 at byte 1 of the line (0xFF)", e.getMessage());
    }

    @Test
    void rejectsDuplicateMergesInCode() {
        BpeTokenizer.Merge m = new BpeTokenizer.Merge("a", "b");
        assertThrows(IllegalArgumentException.class, () -> new BpeTokenizer(List.of(m, m)));
    }
}
