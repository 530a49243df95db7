package io.github.seq2seq4j.eval;

/**
 * A corpus error rate: total edits over total length of the references they were counted
 * against, in percent. It can exceed 100 when hypotheses are longer than their references.
 * With no reference token at all it is 100 if there was any edit and 0 otherwise (sacreBLEU's
 * WER convention).
 *
 * @param name "WER", "CER", "PER"
 */
public record ErrorRate(String name, long edits, long referenceLength) {
    /** The rate in percent. */
    public double score() {
        if (referenceLength > 0) {
            return 100.0 * edits / referenceLength;
        }
        return edits > 0 ? 100.0 : 0.0;
    }

    /** e.g. "WER = 16.67". */
    public String format() {
        return name + " = " + PythonText.fixed(score(), 2);
    }

    @Override
    public String toString() {
        return format();
    }
}
