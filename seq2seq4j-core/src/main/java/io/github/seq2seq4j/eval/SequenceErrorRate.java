package io.github.seq2seq4j.eval;

import java.util.List;

/**
 * Sequence error rate: the percentage of hypotheses that equal none of their references (100 −
 * {@link Accuracy}). In grapheme-to-phoneme conversion and transliteration, where each segment is
 * one word, this is what papers and the CMUdict data README call the word error rate; the
 * {@code evaluate} command reports it under the name "wer" when it scores spelled words (see
 * {@link Metrics#parseList(String, boolean)}).
 */
public final class SequenceErrorRate implements Metric {
    private final String name;

    /** Named "ser". */
    public SequenceErrorRate() {
        this("ser");
    }

    private SequenceErrorRate(String name) {
        this.name = name;
    }

    /** The same metric reported as the G2P word error rate, "wer". */
    static SequenceErrorRate asWordErrorRate() {
        return new SequenceErrorRate("wer");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public double score(List<String> hypotheses, List<? extends List<String>> references) {
        Accuracy.Result r = new Accuracy().corpusScore(hypotheses, references);
        return r.total() == 0 ? 0.0 : 100.0 * (r.total() - r.correct()) / r.total();
    }
}
