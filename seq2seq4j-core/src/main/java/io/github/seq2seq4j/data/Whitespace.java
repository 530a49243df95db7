package io.github.seq2seq4j.data;

import java.util.ArrayList;
import java.util.List;

/**
 * White space exactly as Python's {@code str.split()} sees it ({@code str.isspace()}), which the
 * reference tokenizer uses. Java's {@link Character#isWhitespace} differs: it excludes U+0085 and
 * the no-break spaces U+00A0, U+2007, U+202F, which Python splits on.
 */
final class Whitespace {
    private Whitespace() {}

    /** True for the 29 code points Python 3 treats as white space. */
    static boolean isSpace(int c) {
        if (c <= 0x20) {
            return c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
        }
        if (c < 0x85) {
            return false;
        }
        return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** Python's {@code text.split()}: the maximal runs of non-space characters, in order. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            // every space is in the BMP, so a surrogate is never a space
            if (isSpace(text.charAt(i))) {
                if (start >= 0) {
                    out.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** True when every character is white space (also for the empty string), as {@code not s.strip()}. */
    static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
