package io.github.seq2seq4j.cli.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link HtmlReport} shows about a run, as plain data.
 *
 * @param title the page's heading, e.g. {@code "seq2seq4j training report"}
 * @param runName the run's name, e.g. its output directory's name
 * @param config the run's settings, in the order to show them; nested maps are shown with dotted
 *     keys ({@code model.hidden}), other values with {@link String#valueOf(Object)}
 * @param best the best checkpoint, or null if none was saved yet
 * @param metrics the measurements of the run (see {@link MetricsCsv}); may be empty
 * @param samples sentences to show, in order; those with attention weights also get a heatmap
 * @param notes sentences about what the report could not show and why, shown under the heading
 */
public record RunReport(
        String title,
        String runName,
        Map<String, Object> config,
        BestCheckpoint best,
        List<MetricPoint> metrics,
        List<Sample> samples,
        List<String> notes) {

    /** Copies the collections (the config keeps its order and may hold null values). */
    public RunReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(runName, "runName");
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        metrics = List.copyOf(metrics);
        samples = List.copyOf(samples);
        notes = List.copyOf(notes);
    }

    /** A report without notes. */
    public RunReport(String title, String runName, Map<String, Object> config, BestCheckpoint best,
                     List<MetricPoint> metrics, List<Sample> samples) {
        this(title, runName, config, best, metrics, samples, List.of());
    }
}
