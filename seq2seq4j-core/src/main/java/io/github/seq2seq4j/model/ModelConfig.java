package io.github.seq2seq4j.model;

import io.github.seq2seq4j.nn.CellType;

/**
 * The architecture of an encoder–decoder, field for field the reference's {@code Config}
 * (config.json keys in snake_case).
 *
 * @param cell          recurrent cell of encoder and decoder
 * @param embeddingSize E, for source and target embeddings
 * @param hiddenSize    H, per direction
 * @param layers        stacked layers, encoder and decoder alike
 * @param bidirectional encoder only; a bridge maps [2H] final states to the decoder's H
 * @param attention     attention variant
 * @param attentionSize A for bahdanau / luong_concat; 0 means H
 * @param dropout       on embeddings, between layers, before the output layer
 * @param tieOutput     the output projection shares the target embedding (needs E == H)
 * @param tokenizer     "char" or "whitespace" (or "bpe", a seq2seq4j extension)
 */
public record ModelConfig(CellType cell, int embeddingSize, int hiddenSize, int layers, boolean bidirectional,
                          AttentionType attention, int attentionSize, float dropout, boolean tieOutput, String tokenizer) {

    /** Checks sizes, dropout and the combinations the reference rejects (tie_output needs E == H, luong_dot a unidirectional encoder). */
    public ModelConfig {
        if (cell == null || attention == null || tokenizer == null) {
            throw new IllegalArgumentException("cell, attention and tokenizer are required");
        }
        if (embeddingSize < 1 || hiddenSize < 1 || layers < 1 || attentionSize < 0) {
            throw new IllegalArgumentException("sizes must be positive: embedding_size " + embeddingSize + ", hidden_size "
                    + hiddenSize + ", layers " + layers + ", attention_size " + attentionSize);
        }
        if (!(dropout >= 0f && dropout < 1f)) {
            throw new IllegalArgumentException("dropout must be in [0, 1): " + dropout);
        }
        if (tieOutput && embeddingSize != hiddenSize) {
            throw new IllegalArgumentException("tie_output needs embedding_size == hidden_size (" + embeddingSize
                    + " != " + hiddenSize + ")");
        }
        if (attention == AttentionType.LUONG_DOT && bidirectional) {
            throw new IllegalArgumentException("luong_dot needs encoder output size == hidden_size: use a unidirectional "
                    + "encoder or another attention");
        }
    }

    /** The reference's defaults: GRU, E 64, H 128, 1 layer, bidirectional, Bahdanau, char tokens. */
    public static ModelConfig defaults() {
        return new ModelConfig(CellType.GRU, 64, 128, 1, true, AttentionType.BAHDANAU, 0, 0f, false, "char");
    }

    /** Encoder output width D = H · directions. */
    public int encoderOutputSize() {
        return hiddenSize * (bidirectional ? 2 : 1);
    }

    /** The attention projection width A. */
    public int effectiveAttentionSize() {
        return attentionSize == 0 ? hiddenSize : attentionSize;
    }

    /** Width of the decoder RNN's input: E, E + D (Bahdanau) or E + H (Luong input feeding). */
    public int decoderInputSize() {
        return switch (attention) {
            case NONE -> embeddingSize;
            case BAHDANAU -> embeddingSize + encoderOutputSize();
            default -> embeddingSize + hiddenSize;
        };
    }
}
