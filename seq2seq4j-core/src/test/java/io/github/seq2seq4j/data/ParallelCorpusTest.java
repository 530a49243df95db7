package io.github.seq2seq4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelCorpusTest {
    private static final CorpusOptions CHARS = CorpusOptions.of(new CharTokenizer());
    private static final CorpusOptions WORDS = CorpusOptions.of(new WhitespaceTokenizer());

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsTsvPairsWithIndexAndLine() throws Exception {
        Path file = write("a.tsv", "cat\tgato\nironing board\ttabla de planchar\n");
        List<TextPair> pairs = ParallelCorpus.tsv(file, CHARS).readAll();
        assertEquals(2, pairs.size());
        assertEquals(List.of("c", "a", "t"), pairs.get(0).source());
        assertEquals(List.of("g", "a", "t", "o"), pairs.get(0).target());
        assertEquals("ironing\u2581board", String.join("", pairs.get(1).source()));
        assertEquals(1, pairs.get(1).index());
        assertEquals(2, pairs.get(1).line());
    }

    @Test
    void toleratesCrlfAndCountsSkippedLines() throws Exception {
        String text = "a b\tx\r\n"
                + "   \r\n"                 // blank
                + "\t\r\n"                  // blank: only white space, as the reference's l.strip()
                + "a b c d\tx\r\n"          // source too long
                + "a\tx y z w\r\n"          // target too long
                + "a\t \r\n"                // empty target
                + "c\ty\r\n";
        ParallelCorpus corpus = ParallelCorpus.tsv(write("c.tsv", text), WORDS.withMaxTokens(3, 3));
        assertFalse(corpus.stats().isPresent());
        List<TextPair> pairs = corpus.readAll();
        assertEquals(2, pairs.size());
        assertEquals(List.of("x"), pairs.get(0).target());
        assertEquals(7, pairs.get(1).line());
        assertEquals(new CorpusStats(7, 2, 2, 1, 2), corpus.stats().orElseThrow());
        assertEquals(5, corpus.stats().orElseThrow().skipped());
    }

    @Test
    void lineWithoutTabIsAnError() throws Exception {
        Path file = write("d.tsv", "a\tb\nno tab here\n");
        InputException e = assertThrows(InputException.class, () -> ParallelCorpus.tsv(file, WORDS).readAll());
        assertEquals(file + ":2: expected source<TAB>target, found no TAB", e.getMessage());
    }

    @Test
    void lineWithTwoTabsIsAnError() throws Exception {
        Path file = write("e.tsv", "a\tb\nc\td\n\ne\tf\tg\n");
        InputException e = assertThrows(InputException.class, () -> ParallelCorpus.tsv(file, WORDS).readAll());
        assertEquals(file + ":4: expected source<TAB>target, found 2 TABs", e.getMessage());
    }

    @Test
    void invalidUtf8IsAnErrorWithLine() throws Exception {
        Path file = dir.resolve("f.tsv");
        Files.write(file, new byte[] {'a', '\t', 'b', '\n', 'c', '\t', (byte) 0xE9, 't', 'e', '\n'});
        InputException e = assertThrows(InputException.class, () -> ParallelCorpus.tsv(file, WORDS).readAll());
        assertEquals(file + ":2: invalid UTF-8 at byte 3 of the line (0xE9)", e.getMessage());
    }

    @Test
    void emptyCorpusIsAnError() throws Exception {
        Path empty = write("g.tsv", "");
        InputException e = assertThrows(InputException.class, () -> ParallelCorpus.tsv(empty, WORDS).readAll());
        assertEquals(empty + ": no sentence pairs (0 lines: 0 pairs, skipped 0 blank, 0 with an empty side, 0 too long)",
                e.getMessage());
        Path allLong = write("h.tsv", "a b c\tx\n\n");
        e = assertThrows(InputException.class, () -> ParallelCorpus.tsv(allLong, WORDS.withMaxTokens(2, 2)).readAll());
        assertTrue(e.getMessage().endsWith("skipped 1 blank, 0 with an empty side, 1 too long)"), e.getMessage());
    }

    @Test
    void readsAlignedFiles() throws Exception {
        Path src = write("train.en", "the cat\r\n\r\nhello\r\n");
        Path tgt = write("train.es", "el gato\n\nhola\n");
        ParallelCorpus corpus = ParallelCorpus.aligned(src, tgt, WORDS);
        List<TextPair> pairs = corpus.readAll();
        assertEquals(2, pairs.size());
        assertEquals(List.of("el", "gato"), pairs.get(0).target());
        assertEquals(3, pairs.get(1).line());
        assertEquals(new CorpusStats(3, 2, 1, 0, 0), corpus.stats().orElseThrow());
    }

    @Test
    void alignedFilesOfDifferentLengthNameBothFiles() throws Exception {
        Path src = write("s.txt", "a\nb\nc\n");
        Path tgt = write("t.txt", "x\ny\n");
        InputException e = assertThrows(InputException.class,
                () -> ParallelCorpus.aligned(src, tgt, WORDS).readAll());
        assertEquals(src + ":3: no matching line in " + tgt + ", which ends after 2 lines", e.getMessage());
        e = assertThrows(InputException.class, () -> ParallelCorpus.aligned(tgt, src, WORDS).readAll());
        assertEquals(src + ":3: no matching line in " + tgt + ", which ends after 2 lines", e.getMessage());
    }

    @Test
    void missingFileIsAnError() {
        Path missing = dir.resolve("missing.tsv");
        InputException e = assertThrows(InputException.class, () -> ParallelCorpus.tsv(missing, WORDS).open());
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void streamsWithoutReadingAhead() throws Exception {
        // line 3 is broken: the first two pairs must arrive before the error does
        Path file = write("s.tsv", "a\tb\nc\td\nbroken\n");
        try (PairReader in = ParallelCorpus.tsv(file, WORDS).open()) {
            assertEquals(List.of("a"), in.next().source());
            assertEquals(List.of("c"), in.next().source());
            assertEquals(new CorpusStats(2, 2, 0, 0, 0), in.stats());
            assertThrows(InputException.class, in::hasNext);
        }
    }

    @Test
    void encodedSourceUsesVocabularies() throws Exception {
        Path file = write("v.tsv", "a b\tx\nb q\ty x\n");
        ParallelCorpus corpus = ParallelCorpus.tsv(file, WORDS);
        TokenCounts src = new TokenCounts();
        TokenCounts tgt = new TokenCounts();
        corpus.forEach(p -> {
            src.add(p.source());
            tgt.add(p.target());
        });
        Vocabulary sv = Vocabulary.build(src, 2, 100); // only "b" survives
        Vocabulary tv = Vocabulary.build(tgt, 1, 100); // x, y
        try (CloseableIterator<Example> it = corpus.encoded(sv, tv).open()) {
            Example first = it.next();
            assertArrayEquals(new int[] {Vocabulary.UNK, 4}, first.source());
            assertArrayEquals(new int[] {4}, first.target());
            Example second = it.next();
            assertEquals(1, second.index());
            assertArrayEquals(new int[] {5, 4}, second.target());
            assertFalse(it.hasNext());
        }
    }

    @Test
    void readsTheSharedCmudictWhenPresent() {
        // CI keeps shared/ beside the checkout; look for it in the ancestors of the module directory
        Path file = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null && file == null; d = d.getParent()) {
            Path candidate = d.resolve("shared/data/cmudict/dev.tsv");
            file = Files.isRegularFile(candidate) ? candidate : null;
        }
        Assumptions.assumeTrue(file != null, "shared data not present");
        ParallelCorpus corpus = ParallelCorpus.tsv(file, WORDS);
        long[] longest = new long[1];
        corpus.forEach(p -> longest[0] = Math.max(longest[0], p.source().size()));
        CorpusStats stats = corpus.stats().orElseThrow();
        assertEquals(6354, stats.pairs()); // the README's count
        assertEquals(0, stats.skipped());
        assertTrue(longest[0] <= 28);
    }
}
