package io.github.seq2seq4j.cli.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The attention weights of one decoded sentence: row {@code t} holds the weights the decoder put on
 * each source position when it produced output token {@code t}, so {@code weights} is
 * {@code [outputSteps][srcLen]} with {@code outputSteps == output.size()} and
 * {@code srcLen == source.size()}. The arrays are copied in and out; the record is immutable.
 *
 * @param source the source tokens, one per column
 * @param output the output tokens, one per row (usually ending with {@code </s>})
 * @param weights the weights, {@code [outputSteps][srcLen]}; finite, normally each row sums to 1
 */
public record AttentionMatrix(List<String> source, List<String> output, float[][] weights) {

    /** Validates the shapes and copies every argument. */
    public AttentionMatrix {
        source = List.copyOf(source);
        output = List.copyOf(output);
        if (source.isEmpty() || output.isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "attention matrix needs at least one source and one output token, got %d and %d",
                    source.size(), output.size()));
        }
        if (weights.length != output.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "attention matrix: weights has %d rows but there are %d output tokens", weights.length, output.size()));
        }
        float[][] copy = new float[weights.length][];
        for (int t = 0; t < weights.length; t++) {
            if (weights[t].length != source.size()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "attention matrix: row %d has %d weights but there are %d source tokens",
                        t, weights[t].length, source.size()));
            }
            for (int s = 0; s < weights[t].length; s++) {
                if (!Float.isFinite(weights[t][s])) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "attention matrix: weight [%d][%d] is %s", t, s, weights[t][s]));
                }
            }
            copy[t] = weights[t].clone();
        }
        weights = copy;
    }

    /** A copy of the weights, {@code [outputSteps][srcLen]}. */
    @Override
    public float[][] weights() {
        float[][] copy = new float[weights.length][];
        for (int t = 0; t < weights.length; t++) {
            copy[t] = weights[t].clone();
        }
        return copy;
    }

    /** The weight on source position {@code s} at output step {@code t}. */
    public float weight(int t, int s) {
        return weights[t][s];
    }

    /** The number of output tokens (rows). */
    public int outputSteps() {
        return output.size();
    }

    /** The number of source tokens (columns). */
    public int srcLen() {
        return source.size();
    }

    /** True if both matrices have the same tokens and bit-identical weights. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AttentionMatrix other)) {
            return false;
        }
        return source.equals(other.source) && output.equals(other.output)
                && Arrays.deepEquals(weights, other.weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * source.hashCode() + output.hashCode()) + Arrays.deepHashCode(weights);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AttentionMatrix[%d outputs x %d sources]", outputSteps(), srcLen());
    }
}
