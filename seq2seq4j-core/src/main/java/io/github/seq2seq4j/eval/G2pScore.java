package io.github.seq2seq4j.eval;

/**
 * Word and phoneme error rates of a grapheme-to-phoneme system, counted over words (not over
 * dictionary lines).
 *
 * @param words words scored (one hypothesis each)
 * @param wordErrors words whose hypothesis equals none of their pronunciations
 * @param phonemeEdits Σ edit distance to each word's closest pronunciation
 * @param referencePhonemes Σ length of those closest pronunciations
 */
public record G2pScore(long words, long wordErrors, long phonemeEdits, long referencePhonemes) {
    /** Word error rate in percent: the share of words with no exactly matching pronunciation. */
    public double wer() {
        return words == 0 ? 0.0 : 100.0 * wordErrors / words;
    }

    /** Phoneme error rate in percent. */
    public double per() {
        return new ErrorRate("PER", phonemeEdits, referencePhonemes).score();
    }

    /** e.g. "WER = 31.20 PER = 7.05 (words = 5939)". */
    public String format() {
        return "WER = " + PythonText.fixed(wer(), 2) + " PER = " + PythonText.fixed(per(), 2) + " (words = " + words + ")";
    }

    @Override
    public String toString() {
        return format();
    }
}
