package io.github.seq2seq4j.cli.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** Flattens a run's configuration into the rows of a key/value table. */
final class ConfigTable {
    private ConfigTable() {}

    /**
     * One row per leaf, in the map's order: a nested map's entries get dotted keys
     * ({@code model.hidden}); a null value shows as {@code null}; anything else as
     * {@link String#valueOf(Object)}.
     */
    static Map<String, String> flatten(Map<String, ?> config) {
        Map<String, String> rows = new LinkedHashMap<>();
        flatten("", config, rows);
        return rows;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> rows) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested && !nested.isEmpty()) {
                flatten(key + ".", nested, rows);
            } else {
                rows.put(key, String.valueOf(e.getValue()));
            }
        }
    }
}
