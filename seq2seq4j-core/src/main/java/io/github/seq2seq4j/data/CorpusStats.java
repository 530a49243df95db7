package io.github.seq2seq4j.data;

/**
 * What one pass over a corpus found. {@code lines} counts physical lines (per file for two aligned
 * files); each line is a kept pair or one of the skipped kinds: {@code blank} (only white space),
 * {@code empty} (one side has no token) or {@code tooLong} (a side longer than its limit).
 */
public record CorpusStats(long lines, long pairs, long blank, long empty, long tooLong) {

    /** Lines not turned into pairs. */
    public long skipped() {
        return blank + empty + tooLong;
    }

    @Override
    public String toString() {
        return lines + " lines: " + pairs + " pairs, skipped " + blank + " blank, " + empty
                + " with an empty side, " + tooLong + " too long";
    }
}
