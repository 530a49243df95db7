package io.github.seq2seq4j.decode;

/**
 * Sources padded into one batch for decoding, with each sentence's step limit.
 *
 * @param src       [B·S] ids, PAD-padded
 * @param lengths   [B] source lengths
 * @param srcTime   S, the longest source
 * @param stepLimit [B] maximum output steps of each sentence
 * @param maxSteps  the largest step limit
 */
record SourceBatch(int[] src, int[] lengths, int srcTime, int[] stepLimit, int maxSteps) {
    /** Pads the sources; an empty source is an error (the encoder needs a token). */
    static SourceBatch of(int[][] sources, LengthLimit limit) {
        int batch = sources.length;
        int srcTime = 0;
        for (int[] s : sources) {
            if (s.length == 0) {
                throw new IllegalArgumentException("cannot decode an empty source");
            }
            srcTime = Math.max(srcTime, s.length);
        }
        int[] src = new int[batch * srcTime];
        int[] lengths = new int[batch];
        int[] stepLimit = new int[batch];
        int maxSteps = 0;
        for (int b = 0; b < batch; b++) {
            System.arraycopy(sources[b], 0, src, b * srcTime, sources[b].length);
            lengths[b] = sources[b].length;
            stepLimit[b] = limit.steps(lengths[b]);
            maxSteps = Math.max(maxSteps, stepLimit[b]);
        }
        return new SourceBatch(src, lengths, srcTime, stepLimit, maxSteps);
    }

    int size() {
        return lengths.length;
    }
}
