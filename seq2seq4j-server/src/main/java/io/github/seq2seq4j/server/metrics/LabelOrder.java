package io.github.seq2seq4j.server.metrics;

import java.util.Comparator;
import java.util.List;

/** Orders label-value lists element by element, so that samples are written in a stable order. */
enum LabelOrder implements Comparator<List<String>> {
    INSTANCE;

    @Override
    public int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
