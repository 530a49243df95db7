package io.github.seq2seq4j.cli;

import io.github.seq2seq4j.examples.Examples;
import io.github.seq2seq4j.examples.RunnableExample;
import java.util.Iterator;

/** The example names, for picocli's help text and shell completion. */
final class ExampleNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Examples.all().stream().map(RunnableExample::name).iterator();
    }
}
