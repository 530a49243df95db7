package io.github.seq2seq4j.data;

import java.util.List;

/**
 * One tokenized sentence pair. {@code index} numbers the kept pairs of a corpus from 0 in file
 * order (the example index a {@link Batch} reports); {@code line} is the 1-based line it came from.
 */
public record TextPair(long index, long line, List<String> source, List<String> target) {
    public TextPair {
        source = List.copyOf(source);
        target = List.copyOf(target);
    }
}
