package io.github.seq2seq4j.eval;

import java.util.Arrays;
import java.util.List;

/**
 * Exact-match accuracy: the percentage of hypotheses equal to at least one of their references.
 * Lines are compared as whitespace-token sequences, so spacing differences do not count; case does.
 */
public final class Accuracy implements Metric {
    /** Matched and total hypotheses. */
    public record Result(long correct, long total) {
        /** Accuracy in percent; 0 for an empty corpus. */
        public double score() {
            return total == 0 ? 0.0 : 100.0 * correct / total;
        }
    }

    @Override
    public String name() {
        return "acc";
    }

    @Override
    public boolean higherIsBetter() {
        return true;
    }

    @Override
    public double score(List<String> hypotheses, List<? extends List<String>> references) {
        return corpusScore(hypotheses, references).score();
    }

    /** How many hypotheses equal one of their references, of how many. */
    public Result corpusScore(List<String> hypotheses, List<? extends List<String>> references) {
        ReferenceSets.checkSizes(hypotheses, references);
        long correct = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            if (matchesAny(hypotheses.get(i), references.get(i))) {
                correct++;
            }
        }
        return new Result(correct, hypotheses.size());
    }

    /** Whether {@code hypothesis} has the same tokens as one of {@code references}. */
    public static boolean matchesAny(String hypothesis, List<String> references) {
        String[] hyp = PythonText.split(hypothesis);
        for (String ref : references) {
            if (Arrays.equals(hyp, PythonText.split(ref))) {
                return true;
            }
        }
        return false;
    }
}
