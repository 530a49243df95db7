package io.github.seq2seq4j.cli.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The checkpoint a run keeps as its best, and its validation scores.
 *
 * @param name how the checkpoint is called, e.g. its file name
 * @param step the optimizer step it was saved at
 * @param scores metric name (see {@link MetricNames}) to value, in the order to show them
 */
public record BestCheckpoint(String name, long step, Map<String, Double> scores) {

    /** Copies the scores, keeping their order. */
    public BestCheckpoint {
        Objects.requireNonNull(name, "name");
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }
}
