package io.github.seq2seq4j.cli.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** Flattens a run's configuration into the rows of key/value tables, one table per section. */
final class ConfigTable {
    /** The group of the top-level keys that are not sections. */
    static final String TOP = "run";

    private ConfigTable() {}

    /**
     * The rows grouped by section: the top-level keys with a plain value under {@value #TOP} (first),
     * then each top-level map (a section such as {@code model}) with one row per leaf: nested maps'
     * entries get dotted keys ({@code model.hidden}), values are shown with
     * {@link String#valueOf(Object)}. Empty groups are left out.
     */
    static Map<String, Map<String, String>> groups(Map<String, ?> config) {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        groups.put(TOP, new LinkedHashMap<>());
        for (Map.Entry<String, ?> e : config.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> nested && !nested.isEmpty()) {
                flatten(e.getKey() + ".", nested, groups.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()));
            } else {
                groups.get(TOP).put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        groups.values().removeIf(Map::isEmpty);
        return groups;
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
