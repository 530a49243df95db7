package io.github.seq2seq4j.model;

import java.util.Locale;

/** Attention variants of the reference, by config name. */
public enum AttentionType {
    /** No attention: the encoder's final state is the only context (Sutskever et al. 2014; Cho et al. 2014). */
    NONE("none"),
    /** Additive attention from the previous decoder state, context fed to the RNN (Bahdanau et al. 2015). */
    BAHDANAU("bahdanau"),
    /** Luong et al. 2015, dot score, from the current state, with input feeding. */
    LUONG_DOT("luong_dot"),
    /** Luong et al. 2015, general (bilinear) score. */
    LUONG_GENERAL("luong_general"),
    /** Luong et al. 2015, concat (additive) score. */
    LUONG_CONCAT("luong_concat");

    private final String configName;

    AttentionType(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** True for the Luong variants (attend after the RNN step, combine layer, input feeding). */
    public boolean isLuong() {
        return this == LUONG_DOT || this == LUONG_GENERAL || this == LUONG_CONCAT;
    }

    /** True for the variants scored by v·tanh(W_q·q + W_k·k). */
    public boolean isAdditive() {
        return this == BAHDANAU || this == LUONG_CONCAT;
    }

    public static AttentionType parse(String name) {
        for (AttentionType a : values()) {
            if (a.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown attention '" + name
                + "' (expected none, bahdanau, luong_dot, luong_general or luong_concat)");
    }
}
