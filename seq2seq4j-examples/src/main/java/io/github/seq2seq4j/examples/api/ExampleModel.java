package io.github.seq2seq4j.examples.api;

import java.nio.file.Path;

/**
 * Where the examples find a model: the directory given as the first argument, else the small
 * English → Spanish model committed in {@value #DEFAULT} (made by {@link TrainExample}; run the
 * examples from the repository root).
 */
public final class ExampleModel {
    /** The committed model directory, relative to the repository root. */
    public static final String DEFAULT = "seq2seq4j-examples/model";

    private ExampleModel() {}

    /** {@code args[0]} if given, else {@link #DEFAULT}. */
    public static Path dir(String[] args) {
        return Path.of(args.length > 0 ? args[0] : DEFAULT);
    }
}
