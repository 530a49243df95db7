package io.github.seq2seq4j.data;

import java.util.Iterator;
import java.util.List;

/** A sequence of examples that can be read again from the start, once per epoch. */
public interface ExampleSource {

    /** Reads from the first example; the caller closes the iterator. */
    CloseableIterator<Example> open();

    /** Examples held in memory. */
    static ExampleSource of(List<Example> examples) {
        List<Example> copy = List.copyOf(examples);
        return () -> new CloseableIterator<>() {
            private final Iterator<Example> it = copy.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Example next() {
                return it.next();
            }

            @Override
            public void close() {}
        };
    }
}
