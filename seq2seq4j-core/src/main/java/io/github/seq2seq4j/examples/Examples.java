package io.github.seq2seq4j.examples;

import java.util.List;
import java.util.Optional;

/** The examples known by name, in the order they are listed. */
public final class Examples {
    private static final List<RunnableExample> ALL = List.of(
            new RunnableExample("srn", "Elman's simple recurrent network, every weight 1: identity and tanh",
                    SimpleRecurrentNetwork::print),
            new RunnableExample("rnncell", "a cell stepped by hand equals RecurrentLayer, for every cell type",
                    CellVersusLayer::print),
            new RunnableExample("hello-ohlol", "one tanh RNN cell learns \"hello\" -> \"ohlol\" with Adam",
                    HelloOhlol::print),
            new RunnableExample("words", "character-level English -> Spanish (hello -> hola) and the token-id toy mapping",
                    WordTranslation::print));

    private Examples() {}

    /** Every example, in listing order. */
    public static List<RunnableExample> all() {
        return ALL;
    }

    /** The example called {@code name}, if there is one. */
    public static Optional<RunnableExample> find(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The names, comma-separated, for messages. */
    public static String names() {
        return String.join(", ", ALL.stream().map(RunnableExample::name).toList());
    }
}
