package io.github.seq2seq4j.eval;

/**
 * One minimum-cost alignment of a hypothesis to a reference, as counts of each operation.
 * Deletions are reference tokens the hypothesis misses; insertions are extra hypothesis tokens.
 */
public record EditCounts(int matches, int substitutions, int deletions, int insertions) {
    /** The Levenshtein distance: substitutions + deletions + insertions. */
    public int distance() {
        return substitutions + deletions + insertions;
    }

    public int referenceLength() {
        return matches + substitutions + deletions;
    }

    public int hypothesisLength() {
        return matches + substitutions + insertions;
    }
}
