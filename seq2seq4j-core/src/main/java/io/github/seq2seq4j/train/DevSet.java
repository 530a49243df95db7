package io.github.seq2seq4j.train;

import io.github.seq2seq4j.data.Example;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A development set: every example for the loss, and the distinct sources with all their
 * references (a source listed on several lines has several acceptable targets, as CMUdict's
 * alternative pronunciations) for decoding metrics.
 */
public final class DevSet {
    private final List<Example> examples;
    private final int[][] sources;
    private final List<List<int[]>> references;
    private final Function<int[], String> sourceText;
    private final Function<int[], String> targetText;

    private DevSet(List<Example> examples, Function<int[], String> sourceText, Function<int[], String> targetText) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("the dev set is empty");
        }
        this.examples = List.copyOf(examples);
        this.sourceText = sourceText;
        this.targetText = targetText;
        Map<String, Integer> index = new LinkedHashMap<>();
        List<int[]> srcs = new ArrayList<>();
        references = new ArrayList<>();
        for (Example e : examples) {
            String key = Arrays.toString(e.source());
            Integer i = index.get(key);
            if (i == null) {
                i = srcs.size();
                index.put(key, i);
                srcs.add(e.source());
                references.add(new ArrayList<>());
            }
            references.get(i).add(e.target());
        }
        sources = srcs.toArray(new int[0][]);
    }

    /** Groups examples with identical sources; the text functions turn ids back into text. */
    public static DevSet of(List<Example> examples, Function<int[], String> sourceText, Function<int[], String> targetText) {
        return new DevSet(examples, sourceText, targetText);
    }

    /** Every example, for the dev loss. */
    public List<Example> examples() {
        return examples;
    }

    /** Distinct sources, in first-appearance order. */
    public int[][] sources() {
        return sources;
    }

    /** For each distinct source, its references as target ids. */
    public List<List<int[]>> references() {
        return references;
    }

    /** Source ids back to text. */
    public String sourceText(int[] ids) {
        return sourceText.apply(ids);
    }

    /** Target ids back to text. */
    public String targetText(int[] ids) {
        return targetText.apply(ids);
    }
}
