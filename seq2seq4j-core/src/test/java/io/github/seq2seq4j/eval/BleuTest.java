package io.github.seq2seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Corpus BLEU against sacreBLEU's own published expectations.
 *
 * <p>Inputs and expected values are the test data of mjpost/sacrebleu, file test/test_bleu.py at
 * commit 785d26bb42ff5cc738c8aa06efb288cf407fc4fd (sacreBLEU 2.x), asserted with that file's
 * tolerance (EPSILON = 1e-8 on the score scaled to 0..1, or exact where it uses ==), plus the
 * worked example of sacreBLEU's README ("Using SacreBLEU from Python", v2.0.0 output).
 *
 * <p>References are given per segment here; {@link ReferenceSets#fromStreams} converts
 * sacreBLEU's stream layout.
 */
class BleuTest {
    private static final double EPSILON = 1e-8;

    // README example: two reference streams, three segments
    static final List<List<String>> REF_STREAMS = List.of(
            List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first."),
            List.of("The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."));
    static final List<List<String>> REFS = ReferenceSets.fromStreams(REF_STREAMS);
    static final List<String> HYPS = List.of(
            "The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");

    /** sacreBLEU's {@code raw_corpus_bleu}: no tokenization, floor smoothing, effective order. */
    private static Bleu raw(double floor) {
        return new Bleu().withTokenizer(BleuTokenizer.NONE).withSmoothing(Smoothing.FLOOR, floor).withEffectiveOrder(true);
    }

    static Stream<Arguments> rawBleuCases() {
        return Stream.of(
                // returns 0.0 since sacreBLEU #141 (no match at any order)
                Arguments.of(List.of("this is a test", "another test"), List.of(List.of("ref1", "ref2")), 0.0),
                Arguments.of(List.of("this is a test"), List.of(List.of("this is a test")), 1.0),
                Arguments.of(List.of("this is a fest"), List.of(List.of("this is a test")), 0.223606797749979));
    }

    @ParameterizedTest
    @MethodSource("rawBleuCases")
    void rawBleu(List<String> hyps, List<List<String>> refStreams, double expected) {
        double bleu = raw(0.01).corpusScore(hyps, ReferenceSets.fromStreams(refStreams)).score() / 100;
        assertEquals(expected, bleu, EPSILON);
    }

    static Stream<Arguments> corpusBleuCases() {
        Bleu defaults = new Bleu();
        return Stream.of(
                Arguments.of(HYPS, defaults, 48.530827),
                Arguments.of(List.of("", "", ""), defaults, 0.0), // empty hypotheses are not removed
                Arguments.of(HYPS, defaults.withTokenizer(BleuTokenizer.NONE), 49.1919566),
                Arguments.of(HYPS, defaults.withTokenizer(BleuTokenizer.THIRTEEN_A), 48.530827),
                Arguments.of(HYPS, defaults.withTokenizer(BleuTokenizer.INTL), 43.91623493),
                Arguments.of(HYPS, defaults.withSmoothing(Smoothing.NONE), 48.530827));
    }

    @ParameterizedTest
    @MethodSource("corpusBleuCases")
    void corpusBleu(List<String> hyps, Bleu bleu, double expected) {
        assertEquals(expected, bleu.corpusScore(hyps, REFS).score(), EPSILON);
    }

    static Stream<Arguments> effectiveOrderCases() {
        return Stream.of(
                Arguments.of("test", "a test", 0.3678794411714425),
                Arguments.of("a test", "a test", 1.0),
                Arguments.of("a little test", "a test", 0.03218297948685433));
    }

    @ParameterizedTest
    @MethodSource("effectiveOrderCases")
    void effectiveOrder(String hyp, String ref, double expected) {
        double bleu = raw(0.01).corpusScore(List.of(hyp), List.of(List.of(ref))).score() / 100;
        assertEquals(expected, bleu, EPSILON);
    }

    @Test
    void statistics() {
        BleuScore s = raw(0.01).corpusScore(List.of("am I am a character sequence"),
                List.of(List.of("I am a symbol string sequence a a")));
        assertArrayEquals(new long[] {4, 2, 1, 0}, s.counts());
        assertArrayEquals(new long[] {6, 5, 4, 3}, s.totals());
    }

    @Test
    void scoringFromStatistics() {
        // sacreBLEU's compute_bleu defaults to no smoothing
        BleuScore s = Bleu.compute(new long[] {9, 7, 5, 3}, new long[] {10, 8, 6, 4}, 11, 11, Smoothing.NONE, Double.NaN, false);
        assertEquals(0.8375922397, s.score() / 100, EPSILON);
    }

    @Test
    void offset() {
        List<String> hyp = List.of("am I am a character sequence");
        List<List<String>> ref = List.of(List.of("I am a symbol string sequence a a"));
        assertEquals(0.0, raw(0.0).corpusScore(hyp, ref).score() / 100, EPSILON);
        // the floor defaults to 0.1
        Bleu floorDefault = new Bleu().withTokenizer(BleuTokenizer.NONE).withSmoothing(Smoothing.FLOOR).withEffectiveOrder(true);
        assertEquals(0.1555722182, floorDefault.corpusScore(hyp, ref).score() / 100, EPSILON);
        assertEquals(0.1555722182, raw(Double.NaN).corpusScore(hyp, ref).score() / 100, EPSILON);
    }

    static Stream<Arguments> degenerateCases() {
        return Stream.of(
                Arguments.of(new long[] {0, 0, 0, 0}, new long[] {4, 4, 2, 1}, 0, 1, 0.0),
                Arguments.of(new long[] {0, 0, 0, 0}, new long[] {10, 11, 12, 0}, 14, 10, 0.0),
                Arguments.of(new long[] {0, 0, 0, 0}, new long[] {0, 0, 0, 0}, 0, 0, 0.0),
                Arguments.of(new long[] {6, 5, 4, 0}, new long[] {6, 5, 4, 3}, 6, 6, 0.0),
                Arguments.of(new long[] {0, 0, 0, 0}, new long[] {0, 0, 0, 0}, 0, 0, 0.1),
                Arguments.of(new long[] {0, 0, 0, 0}, new long[] {0, 0, 0, 0}, 1, 5, 0.01));
    }

    @ParameterizedTest
    @MethodSource("degenerateCases")
    void degenerateStatistics(long[] correct, long[] total, long sysLen, long refLen, double floor) {
        BleuScore s = Bleu.compute(correct, total, sysLen, refLen, Smoothing.FLOOR, floor, false);
        assertEquals(0.0, s.score()); // sacreBLEU asserts exact equality here
    }

    static Stream<Arguments> maxOrderCases() {
        return Stream.of(
                Arguments.of(1, "77.65"), Arguments.of(2, "60.50"), Arguments.of(3, "53.93"),
                Arguments.of(4, "48.53"), Arguments.of(5, "46.14"), Arguments.of(6, "43.28"));
    }

    @ParameterizedTest
    @MethodSource("maxOrderCases")
    void maxNgramOrder(int order, String expected) {
        BleuScore s = new Bleu().withMaxOrder(order).corpusScore(HYPS, REFS);
        assertEquals(expected, PythonText.fixed(s.score(), 2));
    }

    @Test
    void readmeFormattedLineAndSignature() {
        Bleu bleu = new Bleu();
        assertEquals("BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)",
                bleu.corpusScore(HYPS, REFS).format());
        // sacreBLEU's signature also carries "|version:2.0.0", which is not ours to claim
        assertEquals("nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp", bleu.signature(ReferenceSets.count(REFS)));
    }

    @Test
    void readmeVariableNumberOfReferences() {
        // The README's listing blanks segment 1 in both streams, which sacreBLEU itself rejects
        // ("Empty or None reference sentence found"); its printed output (ref_len 19) is that of
        // blanking only the first stream's reference of segment 1, which is what is tested here.
        List<List<String>> refs = ReferenceSets.fromStreams(List.of(
                List.of("", "It was not unexpected.", "The man bit him first."),
                List.of("The dog had bit the man.", "No one was surprised.", "The man had bitten the dog.")));
        Bleu bleu = new Bleu();
        assertEquals("BLEU = 29.44 82.4/42.9/27.3/12.5 (BP = 0.889 ratio = 0.895 hyp_len = 17 ref_len = 19)",
                bleu.corpusScore(HYPS, refs).format());
        assertEquals("nrefs:var|case:mixed|eff:no|tok:13a|smooth:exp", bleu.signature(ReferenceSets.count(refs)));
    }

    @Test
    void brevityPenaltyUsesTheClosestReferenceLengthTiesToTheShorter() {
        Bleu bleu = new Bleu().withTokenizer(BleuTokenizer.NONE);
        // hypothesis of 5 tokens; references of 4 and 6 tokens are equally close: 4 is used
        assertEquals(4, bleu.segmentStats("a b c d e", List.of("a b c d e f", "a b c d")).refLen());
        assertEquals(4, bleu.segmentStats("a b c d e", List.of("a b c d", "a b c d e f")).refLen());
        assertEquals(6, bleu.segmentStats("a b c d e", List.of("a b c d e f", "a b")).refLen());
    }

    @Test
    void linesAreRightStrippedBeforeTokenizing() {
        // sacreBLEU rstrips before 13a, so a trailing "-\n" is not end-of-line hyphenation
        assertEquals(100.0, new Bleu().corpusScore(List.of("we know it all too well-\n"), List.of(List.of("we know it all too well-"))).score(), 1e-9);
    }

    @Test
    void lowercaseOption() {
        assertEquals(100.0, new Bleu().withLowercase(true).corpusScore(List.of("The Cat sat on the MAT"),
                List.of(List.of("the cat sat on the mat"))).score(), 1e-9);
        assertEquals("nrefs:1|case:lc|eff:yes|tok:char|smooth:floor[0.10]",
                new Bleu().withLowercase(true).withTokenizer(BleuTokenizer.CHAR).withSmoothing(Smoothing.FLOOR)
                        .withEffectiveOrder(true).signature(1));
    }
}
