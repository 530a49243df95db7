package io.github.seq2seq4j.eval;

import io.github.seq2seq4j.InputException;
import java.util.List;

/**
 * Shared corpus loop of the edit-distance error rates: each hypothesis is charged the distance to
 * its {@link ClosestReference}, and the corpus rate is Σ distances / Σ lengths of those references.
 */
abstract class EditRate implements Metric {
    /** "WER", "CER". */
    abstract String label();

    /** The hypothesis (index 0) and the references (1..) as unit sequences. */
    abstract int[][] encode(String hypothesis, List<String> references);

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    public double score(List<String> hypotheses, List<? extends List<String>> references) {
        return corpusScore(hypotheses, references).score();
    }

    /** Corpus error rate; {@code references.get(i)} are the references of hypothesis i. */
    public ErrorRate corpusScore(List<String> hypotheses, List<? extends List<String>> references) {
        ReferenceSets.checkSizes(hypotheses, references);
        long edits = 0;
        long length = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            ClosestReference c = closest(hypotheses.get(i), references.get(i), i);
            edits += c.distance();
            length += c.length();
        }
        return new ErrorRate(label(), edits, length);
    }

    /** Error rate of one hypothesis against its closest reference. */
    public ErrorRate sentenceScore(String hypothesis, List<String> references) {
        ClosestReference c = closest(hypothesis, references, 0);
        return new ErrorRate(label(), c.distance(), c.length());
    }

    private ClosestReference closest(String hypothesis, List<String> references, int index) {
        if (references.isEmpty()) {
            throw new InputException("segment " + (index + 1) + " has no reference");
        }
        int[][] seqs = encode(hypothesis, references);
        int[][] refs = new int[seqs.length - 1][];
        System.arraycopy(seqs, 1, refs, 0, refs.length);
        return ClosestReference.of(seqs[0], refs);
    }
}
