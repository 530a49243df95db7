package io.github.seq2seq4j.eval;

import java.util.Arrays;
import java.util.HashMap;

/**
 * Gives every distinct n-gram of one segment (hypothesis plus its references) a dense id
 * 0, 1, 2, ..., so that n-gram counts live in plain int arrays instead of hash maps of strings.
 *
 * <p>A unigram is keyed by (kind, symbol); an n-gram by (id of its (n-1)-gram prefix, id of its
 * last unigram). Two n-grams get the same id exactly when they are equal, whatever their order,
 * because ids are assigned by one exact (collision-free) map. The map is open-addressed over
 * {@code long} keys and is reused across segments.
 */
final class NgramIndexer {
    /** Unigram kinds, so that the character 'a' and the word "a" differ. */
    static final int CHARS = 1;
    static final int WORDS = 2;

    private static final int INITIAL_CAPACITY = 256;

    private long[] keys = new long[INITIAL_CAPACITY];
    // id + 1 per slot, 0 for an empty slot
    private int[] ids = new int[INITIAL_CAPACITY];
    // slot of each id, so that reset clears only the used slots
    private int[] slots = new int[INITIAL_CAPACITY];
    private int size;
    // token string -> word symbol, for this segment
    private final HashMap<String, Integer> words = new HashMap<>();

    /** Forgets every id; the next id handed out is 0 again. */
    void reset() {
        words.clear();
        if (keys.length > 64 * INITIAL_CAPACITY && size < keys.length / 16) {
            // one huge segment should not slow every later one down
            keys = new long[INITIAL_CAPACITY];
            ids = new int[INITIAL_CAPACITY];
            slots = new int[INITIAL_CAPACITY];
        } else {
            for (int i = 0; i < size; i++) {
                ids[slots[i]] = 0;
            }
        }
        size = 0;
    }

    /** Number of ids handed out since the last reset; every id is below it. */
    int size() {
        return size;
    }

    /** Id of the unigram {@code symbol} of the given kind. */
    int unigram(int kind, int symbol) {
        // a negative high half cannot collide with a prefix id, which is >= 0
        return id(((long) ~kind << 32) | (symbol & 0xFFFFFFFFL));
    }

    /** Unigram ids of word tokens. */
    int[] words(String[] tokens) {
        int[] out = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            Integer symbol = words.get(tokens[i]);
            if (symbol == null) {
                symbol = words.size();
                words.put(tokens[i], symbol);
            }
            out[i] = unigram(WORDS, symbol);
        }
        return out;
    }

    /** Unigram ids of characters (code points). */
    int[] chars(int[] codePoints) {
        int[] out = new int[codePoints.length];
        for (int i = 0; i < codePoints.length; i++) {
            out[i] = unigram(CHARS, codePoints[i]);
        }
        return out;
    }

    /** Id of the n-gram made of the n-gram {@code prefix} followed by the unigram {@code last}. */
    int extend(int prefix, int last) {
        return id(((long) prefix << 32) | (last & 0xFFFFFFFFL));
    }

    /**
     * N-gram ids of a sequence of unigram ids: {@code result[n - 1][i]} is the id of the n-gram
     * starting at position i, for n = 1..maxOrder (empty arrays where the sequence is too short).
     */
    int[][] ngrams(int[] unigrams, int maxOrder) {
        int[][] out = new int[maxOrder][];
        out[0] = unigrams;
        for (int n = 2; n <= maxOrder; n++) {
            int[] prev = out[n - 2];
            int count = Math.max(unigrams.length - n + 1, 0);
            int[] cur = new int[count];
            for (int i = 0; i < count; i++) {
                cur[i] = extend(prev[i], unigrams[i + n - 1]);
            }
            out[n - 1] = cur;
        }
        return out;
    }

    private int id(long key) {
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (true) {
            int found = ids[slot];
            if (found == 0) {
                break;
            }
            if (keys[slot] == key) {
                return found - 1;
            }
            slot = (slot + 1) & mask;
        }
        int id = size++;
        keys[slot] = key;
        ids[slot] = id + 1;
        slots[id] = slot;
        if (size * 2 > keys.length) {
            grow();
        }
        return id;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldIds.length * 2];
        slots = Arrays.copyOf(slots, keys.length);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldIds[i] != 0) {
                int slot = mix(oldKeys[i]) & mask;
                while (ids[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                ids[slot] = oldIds[i];
                slots[oldIds[i] - 1] = slot;
            }
        }
    }
}
