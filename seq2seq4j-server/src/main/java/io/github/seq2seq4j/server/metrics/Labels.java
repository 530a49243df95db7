package io.github.seq2seq4j.server.metrics;

import java.util.List;

/**
 * The label names of a metric family and one set of values, rendered as
 * {@code {name="value",...}} with the exposition format's escapes (backslash, quote, newline).
 */
record Labels(List<String> names, List<String> values) {
    Labels {
        if (names.size() != values.size()) {
            throw new IllegalArgumentException("labels " + names + " got values " + values);
        }
    }

    /** The rendered label set with one extra label appended (for {@code le}), or "" when empty. */
    String render(String extraName, String extraValue) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            append(b, names.get(i), values.get(i));
        }
        if (extraName != null) {
            append(b, extraName, extraValue);
        }
        return b.length() == 0 ? "" : "{" + b + "}";
    }

    String render() {
        return render(null, null);
    }

    private static void append(StringBuilder b, String name, String value) {
        if (b.length() > 0) {
            b.append(',');
        }
        b.append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        b.append('"');
    }
}
