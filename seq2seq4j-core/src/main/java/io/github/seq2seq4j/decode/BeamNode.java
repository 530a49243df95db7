package io.github.seq2seq4j.decode;

/**
 * An immutable beam-search hypothesis as a back-pointer chain (Marian's decoding-as-data):
 * the last token, the total log-probability so far, and the previous node.
 */
record BeamNode(BeamNode previous, int token, double score, int length, float[] attention) {
    static final BeamNode ROOT = new BeamNode(null, -1, 0.0, 0, null);

    BeamNode extend(int token, double logp, float[] attention) {
        return new BeamNode(this, token, score + logp, length + 1, attention);
    }

    /** Tokens from the first step to this one, in order. */
    int[] tokens() {
        int[] out = new int[length];
        BeamNode n = this;
        for (int i = length - 1; i >= 0; i--) {
            out[i] = n.token;
            n = n.previous;
        }
        return out;
    }

    /** Attention rows from the first step to this one (null if none were kept). */
    float[][] attentionRows() {
        if (attention == null) {
            return null;
        }
        float[][] out = new float[length][];
        BeamNode n = this;
        for (int i = length - 1; i >= 0; i--) {
            out[i] = n.attention;
            n = n.previous;
        }
        return out;
    }
}
