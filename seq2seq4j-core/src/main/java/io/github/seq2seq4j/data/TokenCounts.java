package io.github.seq2seq4j.data;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Token frequencies gathered over a corpus side, the input of {@link Vocabulary#build}. */
public final class TokenCounts {
    private final Map<String, Long> counts = new HashMap<>();

    /** Counts each token once per occurrence. */
    public TokenCounts add(List<String> tokens) {
        for (String t : tokens) {
            counts.merge(t, 1L, Long::sum);
        }
        return this;
    }

    /** Adds {@code n} occurrences of one token. */
    public TokenCounts add(String token, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n + " for \"" + token + "\"");
        }
        counts.merge(token, n, Long::sum);
        return this;
    }

    /** The count of a token, 0 if unseen. */
    public long count(String token) {
        return counts.getOrDefault(token, 0L);
    }

    /** Number of distinct tokens. */
    public int distinct() {
        return counts.size();
    }

    /** A read-only view of the counts. */
    public Map<String, Long> asMap() {
        return Collections.unmodifiableMap(counts);
    }
}
