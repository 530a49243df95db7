package io.github.seq2seq4j.data;

import io.github.seq2seq4j.InputException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Streams the pairs of a {@link ParallelCorpus}, one line at a time, tokenizing as it goes; only
 * the current line is in memory. Running counts are in {@link #stats()}. The files close when the
 * end is reached, on the first error, or on {@link #close()}.
 */
public final class PairReader implements CloseableIterator<TextPair> {
    private final LineReader first;
    private final LineReader second; // null for a TSV file
    private final CorpusOptions options;
    private final Consumer<CorpusStats> onComplete;
    private TextPair next;
    private boolean done;
    private long lines;
    private long pairs;
    private long blank;
    private long empty;
    private long tooLong;

    PairReader(LineReader first, LineReader second, CorpusOptions options, Consumer<CorpusStats> onComplete) {
        this.first = first;
        this.second = second;
        this.options = options;
        this.onComplete = onComplete;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public TextPair next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        TextPair pair = next;
        next = null;
        return pair;
    }

    /** Counts so far (complete once {@link #hasNext()} has returned false). */
    public CorpusStats stats() {
        return new CorpusStats(lines, pairs, blank, empty, tooLong);
    }

    @Override
    public void close() {
        done = true;
        try {
            first.close();
        } finally {
            if (second != null) {
                second.close();
            }
        }
    }

    private TextPair advance() {
        try {
            return second == null ? advanceTsv() : advanceAligned();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private TextPair advanceTsv() {
        for (String line; (line = first.readLine()) != null; ) {
            lines++;
            if (Whitespace.isBlank(line)) {
                blank++; // the reference skips these too ("if l.strip()")
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw InputException.at(first.name(), first.lineNumber(), "expected source<TAB>target, found no TAB");
            }
            int tabs = (int) line.chars().filter(c -> c == '\t').count();
            if (tabs > 1) {
                throw InputException.at(first.name(), first.lineNumber(),
                        "expected source<TAB>target, found " + tabs + " TABs");
            }
            TextPair pair = pair(line.substring(0, tab), line.substring(tab + 1), first.lineNumber());
            if (pair != null) {
                return pair;
            }
        }
        return finish(first.name());
    }

    private TextPair advanceAligned() {
        while (true) {
            String s = first.readLine();
            String t = second.readLine();
            if (s == null && t == null) {
                return finish(first.name() + " and " + second.name());
            }
            if (s == null || t == null) {
                LineReader longer = s == null ? second : first;
                LineReader shorter = s == null ? first : second;
                throw InputException.at(longer.name(), longer.lineNumber(), "no matching line in "
                        + shorter.name() + ", which ends after " + shorter.lineNumber() + " lines");
            }
            lines++;
            if (Whitespace.isBlank(s) && Whitespace.isBlank(t)) {
                blank++;
                continue;
            }
            TextPair pair = pair(s, t, first.lineNumber());
            if (pair != null) {
                return pair;
            }
        }
    }

    /** The pair for one line, or null (counted) when it is skipped. */
    private TextPair pair(String sourceText, String targetText, long line) {
        List<String> source = options.source().tokenize(sourceText);
        List<String> target = options.target().tokenize(targetText);
        if (source.isEmpty() || target.isEmpty()) {
            empty++;
            return null;
        }
        if (source.size() > options.maxSourceTokens() || target.size() > options.maxTargetTokens()) {
            tooLong++;
            return null;
        }
        return new TextPair(pairs++, line, source, target);
    }

    private TextPair finish(String name) {
        close();
        CorpusStats stats = stats();
        if (pairs == 0) {
            throw InputException.in(name, "no sentence pairs (" + stats + ")");
        }
        onComplete.accept(stats);
        return null;
    }
}
