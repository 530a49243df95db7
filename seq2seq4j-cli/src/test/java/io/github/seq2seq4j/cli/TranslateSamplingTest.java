package io.github.seq2seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code translate --sample}: reproducible draws, their options, and what they cannot be combined with. */
class TranslateSamplingTest {
    /** Ten sources of a randomly initialised reference model: its distributions are flat, so draws vary. */
    static final String SOURCES = "a\nhi\ncat\ndogs\nhello\nab\nba\ncab\nhat\nbat\n";

    private static CliRun sample(String stdin, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--model";
        all[1] = ReferenceModels.dir("gru-bahdanau-bi").toString();
        all[2] = "--sample";
        System.arraycopy(args, 0, all, 3, args.length);
        return TranslateCommandTest.translate(stdin, all);
    }

    @Test
    void theSameSeedGivesTheSameOutputWhateverTheBatchSize() {
        CliRun first = sample(SOURCES, "--seed", "42", "--temperature", "1.5", "--scores");
        CliRun again = sample(SOURCES, "--seed", "42", "--temperature", "1.5", "--scores", "--batch-size", "3");
        CliRun alone = sample(SOURCES, "--seed", "42", "--temperature", "1.5", "--scores", "--batch-size", "1");
        assertEquals(0, first.code(), first.err());
        assertEquals(10, first.out().lines().count());
        assertEquals(first.out(), again.out());
        assertEquals(first.out(), alone.out());
        CliRun other = sample(SOURCES, "--seed", "43", "--temperature", "1.5", "--scores");
        assertEquals(0, other.code(), other.err());
        assertNotEquals(first.out(), other.out(), "another seed draws other translations");
        CliRun greedy = TranslateCommandTest.translate(SOURCES, "--model",
                ReferenceModels.dir("gru-bahdanau-bi").toString(), "--scores");
        assertNotEquals(greedy.out(), first.out(), "sampling is not greedy decoding");
    }

    @Test
    void topKOfOneIsGreedyDecoding() {
        Path reverser = TranslateAttentionTest.REVERSER;
        String sources = "abc\nfedcba\nab cd\n";
        CliRun greedy = TranslateCommandTest.translate(sources, "--model", reverser.toString(), "--scores");
        CliRun top1 = TranslateCommandTest.translate(sources, "--model", reverser.toString(), "--scores", "--sample",
                "--top-k", "1", "--seed", "9", "--temperature", "2");
        assertEquals(0, top1.code(), top1.err());
        assertEquals(List.of("cba", "abcdef", "dc ba"), top1.out().lines().map(l -> l.split("\t")[0]).toList());
        assertEquals(greedy.out(), top1.out(), "same tokens, and scores are the model's own log-probabilities");
    }

    @Test
    void incompatibleOrBadOptionsAreOneLineUsageErrors() {
        assertUsageError(sample("a\n", "--beam", "3"), "--sample draws one translation per line; it cannot be combined "
                + "with --beam > 1 or --nbest > 1");
        assertUsageError(sample("a\n", "--beam", "2", "--nbest", "2"), "cannot be combined with --beam > 1 or --nbest > 1");
        assertUsageError(sample("a\n", "--top-p", "0"), "--top-p must be in (0, 1], got 0.0");
        assertUsageError(sample("a\n", "--temperature", "0"), "--temperature must be a positive number");
        assertUsageError(sample("a\n", "--attention", "attn"), "--sample does not record attention weights");
        assertUsageError(TranslateCommandTest.translate("a\n", "--model", ReferenceModels.dir("gru-bahdanau-bi").toString(),
                "--seed", "3"), "--seed needs --sample");
    }

    private static void assertUsageError(CliRun r, String message) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals("", r.out());
    }
}
