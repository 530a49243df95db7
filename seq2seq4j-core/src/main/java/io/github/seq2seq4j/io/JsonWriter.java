package io.github.seq2seq4j.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes JSON exactly as Python's {@code json.dumps} does with {@code ensure_ascii=True}: compact
 * with separators {@code (",", ":")}, or {@code indent=2}. Byte equality with Python matters because
 * safetensors headers and bundle configs are compared across the two implementations.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private final int indent;

    private JsonWriter(int indent) {
        this.indent = indent;
    }

    /** indent 0 means compact. */
    static String write(Object value, int indent) {
        JsonWriter w = new JsonWriter(indent);
        w.value(value, 0);
        return w.out.toString();
    }

    private void value(Object v, int level) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String) {
            out.append(quote((String) v));
        } else if (v instanceof Boolean) {
            out.append(((Boolean) v) ? "true" : "false");
        } else if (v instanceof Double) {
            out.append(PythonFloat.repr((Double) v));
        } else if (v instanceof Float) {
            out.append(PythonFloat.repr((Float) v));
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            out.append(v);
        } else if (v instanceof BigDecimal) {
            out.append(((BigDecimal) v).toString());
        } else if (v instanceof Map) {
            object((Map<?, ?>) v, level);
        } else if (v instanceof Collection) {
            array(((Collection<?>) v).iterator(), level);
        } else if (v instanceof int[]) {
            array(java.util.Arrays.stream((int[]) v).boxed().iterator(), level);
        } else if (v instanceof long[]) {
            array(java.util.Arrays.stream((long[]) v).boxed().iterator(), level);
        } else if (v instanceof double[]) {
            array(java.util.Arrays.stream((double[]) v).boxed().iterator(), level);
        } else if (v instanceof Object[]) {
            array(java.util.Arrays.asList((Object[]) v).iterator(), level);
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON");
        }
    }

    private void object(Map<?, ?> map, int level) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String)) {
                throw new IllegalArgumentException("JSON object keys must be strings, not " + e.getKey());
            }
            separator(first, level + 1);
            first = false;
            out.append(quote((String) e.getKey())).append(indent > 0 ? ": " : ":");
            value(e.getValue(), level + 1);
        }
        newline(level);
        out.append('}');
    }

    private void array(Iterator<?> items, int level) {
        if (!items.hasNext()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        while (items.hasNext()) {
            separator(first, level + 1);
            first = false;
            value(items.next(), level + 1);
        }
        newline(level);
        out.append(']');
    }

    private void separator(boolean first, int level) {
        if (!first) {
            out.append(',');
        }
        newline(level);
    }

    private void newline(int level) {
        if (indent > 0) {
            out.append('\n');
            out.append(" ".repeat(indent * level));
        }
    }

    /** A JSON string literal with every character outside printable ASCII escaped, as Python does. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
