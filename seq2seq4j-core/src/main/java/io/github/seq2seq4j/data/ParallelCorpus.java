package io.github.seq2seq4j.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A parallel corpus on disk, read as a stream so it may be larger than memory.
 *
 * <p>Two layouts: a TSV file with one {@code source<TAB>target} pair per line, or two line-aligned
 * files. Files are strict UTF-8 (see {@link LineReader}); CRLF is accepted. Rules, each error an
 * {@link io.github.seq2seq4j.InputException} naming file and line:
 * <ul>
 *   <li>a TSV line without a TAB, or with more than one, is an error: a TAB inside a sentence
 *       cannot be told from the separator, and the reference rejects such lines as well;
 *   <li>two aligned files of different length are an error naming the longer file, its first
 *       unmatched line, and where the shorter file ends;
 *   <li>a corpus that yields no pair is an error.
 * </ul>
 * Skipped and counted, not fatal: blank lines (only white space, as the reference's
 * {@code if l.strip()}), pairs with an empty side, and pairs longer than the limits of
 * {@link CorpusOptions}. Counts of the last complete pass are in {@link #stats()}.
 */
public final class ParallelCorpus {
    private final Path first;
    private final Path second;
    private final CorpusOptions options;
    private volatile CorpusStats stats;

    private ParallelCorpus(Path first, Path second, CorpusOptions options) {
        this.first = Objects.requireNonNull(first);
        this.second = second;
        this.options = Objects.requireNonNull(options);
    }

    /** A TSV file of {@code source<TAB>target} lines. */
    public static ParallelCorpus tsv(Path file, CorpusOptions options) {
        return new ParallelCorpus(file, null, options);
    }

    /** Two files whose line i are a pair. */
    public static ParallelCorpus aligned(Path sourceFile, Path targetFile, CorpusOptions options) {
        return new ParallelCorpus(sourceFile, Objects.requireNonNull(targetFile), options);
    }

    /** Starts a pass from the first line; close the reader if you stop early. */
    public PairReader open() {
        LineReader a = LineReader.open(first);
        LineReader b;
        try {
            b = second == null ? null : LineReader.open(second);
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
        return new PairReader(a, b, options, s -> stats = s);
    }

    /** Streams every pair to {@code action}. */
    public void forEach(Consumer<TextPair> action) {
        try (PairReader in = open()) {
            while (in.hasNext()) {
                action.accept(in.next());
            }
        }
    }

    /** Reads the whole corpus into memory (for small corpora and tests). */
    public List<TextPair> readAll() {
        List<TextPair> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    /** Counts of the last pass that reached the end, if any. */
    public Optional<CorpusStats> stats() {
        return Optional.ofNullable(stats);
    }

    /** The examples of this corpus encoded with the two vocabularies, read anew on each {@code open}. */
    public ExampleSource encoded(Vocabulary sourceVocab, Vocabulary targetVocab) {
        Objects.requireNonNull(sourceVocab);
        Objects.requireNonNull(targetVocab);
        return () -> new CloseableIterator<>() {
            private final PairReader in = open();

            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public Example next() {
                return Example.encode(in.next(), sourceVocab, targetVocab);
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    /** How lines are read, tokenized and filtered. */
    public CorpusOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return second == null ? first.toString() : first + " + " + second;
    }
}
