package io.github.seq2seq4j.examples;

import java.util.List;
import java.util.Optional;

/** The examples known by name, in the order they are listed. */
public final class Examples {
    private static final List<Example> ALL = List.of(
            new Example("srn", "Elman's simple recurrent network, every weight 1: identity and tanh",
                    SimpleRecurrentNetwork::print),
            new Example("rnncell", "a cell stepped by hand equals RecurrentLayer, for every cell type",
                    CellVersusLayer::print),
            new Example("hello-ohlol", "one tanh RNN cell learns \"hello\" -> \"ohlol\" with Adam",
                    HelloOhlol::print));

    private Examples() {}

    /** Every example, in listing order. */
    public static List<Example> all() {
        return ALL;
    }

    /** The example called {@code name}, if there is one. */
    public static Optional<Example> find(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The names, comma-separated, for messages. */
    public static String names() {
        return String.join(", ", ALL.stream().map(Example::name).toList());
    }
}
