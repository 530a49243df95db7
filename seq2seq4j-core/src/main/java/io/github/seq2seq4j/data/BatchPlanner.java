package io.github.seq2seq4j.data;

import io.github.seq2seq4j.tensor.Rng;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts one pool of examples into batches: shuffle the pool (so equal lengths meet in random
 * order), stable-sort it by source then target length when bucketing, cut consecutive runs into
 * batches, then shuffle the batch order. Every random choice comes from the RNG passed in, in
 * this order, so a pool and an RNG state fix the result.
 */
final class BatchPlanner {
    private static final Comparator<Example> BY_LENGTH = Comparator
            .<Example>comparingInt(e -> e.source().length)
            .thenComparingInt(e -> e.target().length);

    private BatchPlanner() {}

    static List<List<Example>> plan(List<Example> pool, BatchingOptions options, Rng rng) {
        List<Example> order = new ArrayList<>(pool);
        if (options.shuffle()) {
            rng.shuffle(order);
        }
        if (options.bucketing()) {
            order.sort(BY_LENGTH); // List.sort is stable
        }
        List<List<Example>> batches = options.unit() == BatchingOptions.Unit.SENTENCES
                ? bySentences(order, options.size())
                : byTokens(order, options.size());
        if (options.shuffle()) {
            rng.shuffle(batches);
        }
        return batches;
    }

    private static List<List<Example>> bySentences(List<Example> order, int size) {
        List<List<Example>> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i += size) {
            out.add(order.subList(i, Math.min(order.size(), i + size)));
        }
        return out;
    }

    /**
     * Greedy: add examples while rows · max(S, T) stays within the budget, T being the longest
     * target plus one. An example over the budget on its own still gets a batch of one.
     */
    private static List<List<Example>> byTokens(List<Example> order, int budget) {
        List<List<Example>> out = new ArrayList<>();
        int start = 0;
        int width = 0;
        for (int i = 0; i < order.size(); i++) {
            Example e = order.get(i);
            int w = Math.max(width, Math.max(e.source().length, e.target().length + 1));
            if (i > start && (long) (i - start + 1) * w > budget) {
                out.add(order.subList(start, i));
                start = i;
                w = Math.max(e.source().length, e.target().length + 1);
            }
            width = w;
        }
        if (start < order.size()) {
            out.add(order.subList(start, order.size()));
        }
        return out;
    }
}
