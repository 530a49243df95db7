package io.github.seq2seq4j.eval;

import io.github.seq2seq4j.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * References come as one set per hypothesis: {@code references.get(i)} holds every reference of
 * hypothesis i, and sets may differ in size (a G2P word with two pronunciations). sacreBLEU takes
 * the transpose, a list of reference "streams" each covering the whole corpus; {@link #fromStreams}
 * converts.
 */
public final class ReferenceSets {
    private ReferenceSets() {}

    /** Fails unless there is exactly one reference set per hypothesis. */
    public static void checkSizes(List<String> hypotheses, List<? extends List<String>> references) {
        if (hypotheses.size() != references.size()) {
            throw new InputException(hypotheses.size() + " hypotheses but " + references.size()
                    + " reference sets; need one set per hypothesis");
        }
    }

    /**
     * Per-hypothesis sets from sacreBLEU-style streams ({@code streams.get(k).get(i)} is the k-th
     * reference of segment i). Every stream must have the same length.
     */
    public static List<List<String>> fromStreams(List<? extends List<String>> streams) {
        if (streams.isEmpty()) {
            return new ArrayList<>();
        }
        int n = streams.get(0).size();
        for (int k = 1; k < streams.size(); k++) {
            if (streams.get(k).size() != n) {
                throw new InputException("reference stream " + (k + 1) + " has " + streams.get(k).size()
                        + " lines but stream 1 has " + n);
            }
        }
        List<List<String>> sets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> set = new ArrayList<>(streams.size());
            for (List<String> stream : streams) {
                set.add(stream.get(i));
            }
            sets.add(set);
        }
        return sets;
    }

    /**
     * The non-empty references of segment {@code index} (sacreBLEU treats "" and null as "no
     * reference here", which is how a stream leaves a segment out). Fails if none is left.
     */
    static List<String> nonEmpty(List<String> set, int index) {
        List<String> out = new ArrayList<>(set.size());
        for (String r : set) {
            if (r != null && !r.isEmpty()) {
                out.add(r);
            }
        }
        if (out.isEmpty()) {
            throw new InputException("segment " + (index + 1) + " has no non-empty reference");
        }
        return out;
    }

    /** The number of non-empty references per segment, or -1 if it varies (sacreBLEU's "nrefs:var"). */
    public static int count(List<? extends List<String>> references) {
        int n = -2;
        for (List<String> set : references) {
            int k = 0;
            for (String r : set) {
                if (r != null && !r.isEmpty()) {
                    k++;
                }
            }
            if (n == -2) {
                n = k;
            } else if (n != k) {
                return -1;
            }
        }
        return n == -2 ? 0 : n;
    }
}
