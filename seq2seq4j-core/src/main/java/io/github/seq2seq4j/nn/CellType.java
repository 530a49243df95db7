package io.github.seq2seq4j.nn;

import java.util.Locale;

/** The recurrent cell families of the reference, with their config names and gate counts. */
public enum CellType {
    /** Elman RNN with tanh (Elman 1990). */
    RNN_TANH("rnn_tanh", 1),
    /** Elman RNN with ReLU. */
    RNN_RELU("rnn_relu", 1),
    /** Gated recurrent unit (Cho et al. 2014); gates r, z, n. */
    GRU("gru", 3),
    /** Long short-term memory (Hochreiter &amp; Schmidhuber 1997); gates i, f, g, o. */
    LSTM("lstm", 4);

    private final String configName;
    private final int gates;

    CellType(String configName, int gates) {
        this.configName = configName;
        this.gates = gates;
    }

    /** The name used in config.json. */
    public String configName() {
        return configName;
    }

    /** Number of gate blocks stacked in W_ih and W_hh ([gates·H, in]). */
    public int gates() {
        return gates;
    }

    /** True for cells with a memory cell state c beside h. */
    public boolean hasCellState() {
        return this == LSTM;
    }

    /** Parses a config name ("gru", "lstm", "rnn_tanh", "rnn_relu"). */
    public static CellType parse(String name) {
        for (CellType c : values()) {
            if (c.configName.equals(name.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown cell '" + name + "' (expected rnn_tanh, rnn_relu, gru or lstm)");
    }
}
