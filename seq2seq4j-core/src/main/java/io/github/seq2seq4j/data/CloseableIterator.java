package io.github.seq2seq4j.data;

import java.util.Iterator;

/** An iterator over a resource (an open file); close it when done, or let it close itself at the end. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
    /** Releases the resource; idempotent. */
    @Override
    void close();
}
