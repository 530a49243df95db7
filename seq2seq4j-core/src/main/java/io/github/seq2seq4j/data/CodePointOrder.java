package io.github.seq2seq4j.data;

import java.util.Comparator;

/**
 * Orders strings by Unicode code point, as Python's {@code sorted} does, rather than by UTF-16
 * unit as {@link String#compareTo} does (the two differ when a supplementary character meets one
 * in U+E000..U+FFFF). Used wherever an order must be reproducible outside Java: vocabulary ties,
 * BPE merge ties.
 */
final class CodePointOrder {
    static final Comparator<String> COMPARATOR = CodePointOrder::compare;

    private CodePointOrder() {}

    static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int x = a.charAt(i);
            int y = b.charAt(i);
            if (x != y) {
                if (x >= 0xD800 && y >= 0xD800) {
                    // move surrogates above U+E000..U+FFFF; below U+D800 UTF-16 order is already right
                    x = fixup(x);
                    y = fixup(y);
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    private static int fixup(int c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
