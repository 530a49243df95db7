package io.github.seq2seq4j.cli.config;

import java.util.List;
import java.util.Locale;

/**
 * One setting of a training run: where it lives in YAML ({@code section.name}), its command-line
 * flag ({@code --name-with-dashes}), its type, default and allowed values.
 *
 * @param section      the YAML section
 * @param name         the key in snake_case, as in config.json and TrainOptions' documentation
 * @param type         the value type
 * @param defaultValue the default (Integer, Long, Double, Boolean, String, Path or List), or null for unset
 * @param choices      the allowed names of a CHOICE value (empty otherwise)
 * @param range        allowed interval of a number
 * @param description  one sentence for help and docs
 */
public record ConfigKey(Section section, String name, ValueType type, Object defaultValue, List<String> choices,
                        Range range, String description) {
    public ConfigKey {
        choices = List.copyOf(choices);
    }

    /** {@code data.batch_size}, or just {@code seed} at top level. */
    public String path() {
        return section == Section.TOP ? name : section.yamlName() + "." + name;
    }

    /** {@code --batch-size}. */
    public String flag() {
        return "--" + name.replace('_', '-');
    }

    /**
     * Checks a parsed value against the choices and range; returns it (lists lower-cased, choices
     * lower-cased) or throws IllegalArgumentException saying what is allowed.
     */
    public Object check(Object value) {
        if (value == null) {
            return null;
        }
        if (type == ValueType.CHOICE) {
            String s = value.toString().toLowerCase(Locale.ROOT);
            if (!choices.contains(s)) {
                throw new IllegalArgumentException("must be one of " + String.join(", ", choices) + ", got '" + value + "'");
            }
            return s;
        }
        if (type == ValueType.LIST && !choices.isEmpty()) {
            for (Object item : (List<?>) value) {
                if (!choices.contains(item.toString())) {
                    throw new IllegalArgumentException("unknown item '" + item + "'; choose from " + String.join(", ", choices));
                }
            }
        }
        if (value instanceof Number n) {
            String problem = range.violation(n.doubleValue());
            if (problem != null) {
                throw new IllegalArgumentException(problem + ", got " + n);
            }
        }
        return value;
    }

    /** The default as written in docs and help ("none" when unset). */
    public String defaultText() {
        return ConfigText.format(defaultValue, "none");
    }
}
