package io.github.seq2seq4j.cli.translate;

import io.github.seq2seq4j.Translation;

/**
 * Receives the attention weights of each translated sentence. {@link JsonAttentionFiles} writes
 * one JSON file per sentence and {@link HeatmapFiles} one PNG heatmap; other renderings implement
 * this interface too, and {@link #both} combines two.
 */
public interface AttentionSink extends AutoCloseable {
    /**
     * One sentence.
     *
     * @param index  0-based line number of the source in the input
     * @param source the source line
     * @param best   its best translation, with {@link Translation#attention()} filled in (null
     *               for an empty source or a model without attention)
     */
    void accept(long index, String source, Translation best);

    /** Called once after the last sentence. */
    @Override
    default void close() {}

    /** A sink that passes every sentence to {@code a}, then to {@code b}. */
    static AttentionSink both(AttentionSink a, AttentionSink b) {
        return new AttentionSink() {
            @Override
            public void accept(long index, String source, Translation best) {
                a.accept(index, source, best);
                b.accept(index, source, best);
            }

            @Override
            public void close() {
                try {
                    a.close();
                } finally {
                    b.close();
                }
            }
        };
    }
}
