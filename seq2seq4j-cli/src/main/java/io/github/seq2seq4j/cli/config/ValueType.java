package io.github.seq2seq4j.cli.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The type of a configuration value, how it is written on the command line, and how text (a flag
 * value, or a YAML scalar) becomes a value. Parse errors are {@link IllegalArgumentException}s whose
 * message says what was expected; callers add where the text came from.
 */
public enum ValueType {
    /** A 32-bit integer. */
    INT("N"),
    /** A 64-bit integer (step counts, seeds). */
    LONG("N"),
    /** A floating-point number. */
    FLOAT("X"),
    /** {@code true} or {@code false}. */
    BOOL("true|false"),
    /** One of a fixed set of names. */
    CHOICE("NAME"),
    /** A file or directory. */
    PATH("PATH"),
    /** A list of names: a YAML sequence, or comma-separated text. */
    LIST("A,B,...");

    private final String label;

    ValueType(String label) {
        this.label = label;
    }

    /** The parameter label shown in help, e.g. {@code N}. */
    public String label() {
        return label;
    }

    /** Parses text; PATH values stay unresolved (relative to whatever the caller decides). */
    public Object parse(String text) {
        String t = text.strip();
        switch (this) {
            case INT:
                try {
                    return Integer.parseInt(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected an integer, got '" + text + "'");
                }
            case LONG:
                try {
                    return Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected an integer, got '" + text + "'");
                }
            case FLOAT:
                try {
                    double d = Double.parseDouble(t);
                    if (!Double.isFinite(d) || t.endsWith("d") || t.endsWith("f") || t.endsWith("D") || t.endsWith("F")) {
                        throw new NumberFormatException();
                    }
                    return d;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected a number, got '" + text + "'");
                }
            case BOOL:
                switch (t.toLowerCase(Locale.ROOT)) {
                    case "true":
                        return true;
                    case "false":
                        return false;
                    default:
                        throw new IllegalArgumentException("expected true or false, got '" + text + "'");
                }
            case PATH:
                if (t.isEmpty()) {
                    throw new IllegalArgumentException("expected a path, got an empty string");
                }
                try {
                    return Path.of(t);
                } catch (java.nio.file.InvalidPathException e) {
                    throw new IllegalArgumentException("not a valid path: '" + text + "'");
                }
            case LIST:
                List<String> items = new ArrayList<>();
                if (!t.isEmpty()) {
                    for (String part : t.split(",", -1)) {
                        if (part.isBlank()) {
                            throw new IllegalArgumentException("empty item in list '" + text + "'");
                        }
                        items.add(part.strip().toLowerCase(Locale.ROOT));
                    }
                }
                return List.copyOf(items);
            default:
                return t.toLowerCase(Locale.ROOT);
        }
    }
}
