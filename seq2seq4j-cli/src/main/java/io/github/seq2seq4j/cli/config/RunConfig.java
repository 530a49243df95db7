package io.github.seq2seq4j.cli.config;

import io.github.seq2seq4j.InputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective settings of a training run: every key of {@link ConfigSchema} with its value and
 * origin, built from the defaults, then a YAML file, then command-line flags (each overriding the
 * one before). Immutable.
 */
public final class RunConfig {
    private static final String DEFAULT = "default";
    private final Map<String, Setting> settings;

    private RunConfig(Map<String, Setting> settings) {
        this.settings = settings;
    }

    /** Defaults overridden by {@code yaml}, then by {@code flags} (maps from YAML path to setting). */
    public static RunConfig of(Map<String, Setting> yaml, Map<String, Setting> flags) {
        Map<String, Setting> s = new LinkedHashMap<>();
        for (ConfigKey k : ConfigSchema.keys()) {
            s.put(k.path(), new Setting(k.defaultValue(), DEFAULT));
        }
        for (Map<String, Setting> layer : List.of(yaml, flags)) {
            layer.forEach((path, setting) -> {
                ConfigKey k = ConfigSchema.get(path); // fails on a key outside the schema
                // an explicit null ("key:" in YAML) means the default, but records who said so
                s.put(path, setting.value() == null ? new Setting(k.defaultValue(), setting.origin()) : setting);
            });
        }
        return new RunConfig(s);
    }

    /** This configuration with one value replaced. */
    public RunConfig with(String path, Object value, String origin) {
        Map<String, Setting> s = new LinkedHashMap<>(settings);
        ConfigKey k = ConfigSchema.get(path);
        s.put(path, new Setting(k.check(value), origin));
        return new RunConfig(s);
    }

    public Object value(String path) {
        Setting s = settings.get(path);
        if (s == null) {
            throw new IllegalArgumentException("no configuration key " + path);
        }
        return s.value();
    }

    /** Where a value came from: "default", "FILE:LINE" or a flag. */
    public String origin(String path) {
        value(path);
        return settings.get(path).origin();
    }

    /** True unless the value is the built-in default. */
    public boolean isSet(String path) {
        return !origin(path).equals(DEFAULT);
    }

    public int integer(String path) {
        return (Integer) value(path);
    }

    public long longValue(String path) {
        return ((Number) value(path)).longValue();
    }

    public double number(String path) {
        return ((Number) value(path)).doubleValue();
    }

    /** A FLOAT value that may be unset: NaN then. */
    public double numberOrNaN(String path) {
        Object v = value(path);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    public boolean bool(String path) {
        return (Boolean) value(path);
    }

    public String string(String path) {
        return (String) value(path);
    }

    /** A path value, or null when unset. */
    public Path path(String path) {
        return (Path) value(path);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String path) {
        return (List<String>) value(path);
    }

    /** Checks what single keys cannot: required keys and keys that exclude each other. */
    public RunConfig validate() {
        if (path("out") == null) {
            throw new InputException("no output directory: set 'out' in the configuration or pass --out DIR");
        }
        boolean tsv = path("data.train") != null;
        boolean aligned = path("data.train_source") != null || path("data.train_target") != null;
        if (tsv == aligned) {
            throw new InputException(tsv ? "give either data.train or data.train_source and data.train_target, not both"
                    : "no training data: set data.train (a TSV file) or data.train_source and data.train_target");
        }
        if (aligned && (path("data.train_source") == null || path("data.train_target") == null)) {
            throw new InputException("data.train_source and data.train_target go together; one of them is missing");
        }
        boolean devTsv = path("data.dev") != null;
        boolean devAligned = path("data.dev_source") != null || path("data.dev_target") != null;
        if (devTsv && devAligned) {
            throw new InputException("give either data.dev or data.dev_source and data.dev_target, not both");
        }
        if (devAligned && (path("data.dev_source") == null || path("data.dev_target") == null)) {
            throw new InputException("data.dev_source and data.dev_target go together; one of them is missing");
        }
        return this;
    }

    /** True if a development set is configured. */
    public boolean hasDev() {
        return path("data.dev") != null || path("data.dev_source") != null;
    }

    /** Every setting in schema order (read-only). */
    public Map<String, Setting> settings() {
        return java.util.Collections.unmodifiableMap(settings);
    }
}
