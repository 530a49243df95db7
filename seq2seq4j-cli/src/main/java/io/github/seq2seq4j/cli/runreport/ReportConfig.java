package io.github.seq2seq4j.cli.runreport;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.cli.config.ConfigKey;
import io.github.seq2seq4j.cli.config.ConfigSchema;
import io.github.seq2seq4j.cli.config.RunConfig;
import io.github.seq2seq4j.cli.config.Section;
import io.github.seq2seq4j.io.ModelBundle;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration a report shows, as nested maps in the order of {@code run.yaml}: the top-level
 * keys, then one map per section ({@code data}, {@code model}, {@code training}), which the page
 * flattens to dotted keys.
 */
final class ReportConfig {
    private ReportConfig() {}

    /** Every key of a run's effective configuration that has a value; paths absolute, lists comma-separated. */
    static Map<String, Object> of(RunConfig config) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Section section : Section.values()) {
            Map<String, Object> target = out;
            if (section != Section.TOP) {
                target = new LinkedHashMap<>();
                out.put(section.yamlName(), target);
            }
            for (ConfigKey k : ConfigSchema.section(section)) {
                Object value = config.value(k.path());
                if (value != null) {
                    target.put(k.name(), shown(value));
                }
            }
        }
        return out;
    }

    /** A model directory's configuration (its config.json) under {@code model}. */
    static Map<String, Object> of(Seq2SeqModel model) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(Section.MODEL.yamlName(), new LinkedHashMap<>(ModelBundle.configJson(model.config())));
        return out;
    }

    private static Object shown(Object value) {
        if (value instanceof Path p) {
            return p.toAbsolutePath().normalize().toString();
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "(none)" : String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return value;
    }
}
