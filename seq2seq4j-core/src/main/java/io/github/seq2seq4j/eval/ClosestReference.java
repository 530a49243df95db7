package io.github.seq2seq4j.eval;

/**
 * The reference an error rate charges a hypothesis against when there are several: the one at
 * the smallest edit distance; among those, the shortest; among those, the first.
 *
 * <p>Why the shortest: the error rate divides by the chosen reference's length, so picking the
 * shortest of the equally close references never makes a system look better than another
 * choice would, and the result does not depend on the order references are listed in (equal
 * distance and equal length give the same numbers whichever is taken). It is also the tie rule
 * sacreBLEU uses for BLEU's closest reference length.
 *
 * @param index position of the chosen reference in the set
 * @param distance its edit distance to the hypothesis
 * @param length its length in tokens
 */
public record ClosestReference(int index, int distance, int length) {
    /** The closest of {@code references} to {@code hypothesis}; needs at least one reference. */
    public static ClosestReference of(int[] hypothesis, int[][] references) {
        if (references.length == 0) {
            throw new IllegalArgumentException("no reference to compare with");
        }
        int bestIndex = -1;
        int bestDistance = Integer.MAX_VALUE;
        int bestLength = Integer.MAX_VALUE;
        for (int r = 0; r < references.length; r++) {
            int[] ref = references[r];
            // the distance is at least the length difference: skip references that cannot win
            if (Math.abs(ref.length - hypothesis.length) > bestDistance) {
                continue;
            }
            int dist = EditDistance.distance(hypothesis, ref);
            if (dist < bestDistance || (dist == bestDistance && ref.length < bestLength)) {
                bestIndex = r;
                bestDistance = dist;
                bestLength = ref.length;
            }
        }
        return new ClosestReference(bestIndex, bestDistance, bestLength);
    }
}
