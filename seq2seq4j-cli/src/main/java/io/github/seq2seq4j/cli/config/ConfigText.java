package io.github.seq2seq4j.cli.config;

import java.util.List;
import java.util.Locale;

/** Values written back as text: in help, in docs and in the effective {@code run.yaml}. */
final class ConfigText {
    private ConfigText() {}

    /** Plain text of a value; {@code unset} for null. */
    static String format(Object value, String unset) {
        if (value == null) {
            return unset;
        }
        if (value instanceof List<?> l) {
            return l.isEmpty() ? "[]" : String.join(",", l.stream().map(Object::toString).toList());
        }
        if (value instanceof Double d) {
            return formatDouble(d);
        }
        return value.toString();
    }

    /** Shortest text that parses back to the same double ("0.001", "1.0E-8"). */
    static String formatDouble(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        return Double.toString(d);
    }

    /** A YAML scalar for a value: strings and paths double-quoted with JSON escapes, which YAML accepts. */
    static String yaml(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(quote(l.get(i).toString()));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Double d) {
            return formatDouble(d);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
