package io.github.seq2seq4j.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * String operations with Python 3's semantics. sacreBLEU splits, strips and lower-cases with
 * Python's {@code str} methods, whose idea of whitespace differs from {@link Character#isWhitespace}
 * (Python counts U+00A0, U+2007, U+202F, U+0085 as whitespace; Java does not), so scores only
 * match sacreBLEU's if these operations match Python's.
 */
final class PythonText {
    private PythonText() {}

    /** Python's {@code str.isspace()} for one code point (bidi class WS, B, S or category Zs). */
    static boolean isSpace(int cp) {
        if (cp <= 0x20) {
            return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
        }
        if (cp < 0x85) {
            return false;
        }
        return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /** Python's {@code s.split()}: runs of whitespace separate tokens; no empty tokens. */
    static String[] split(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int start = -1;
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isSpace(cp)) {
                if (start >= 0) {
                    out.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i = next;
        }
        if (start >= 0) {
            out.add(s.substring(start));
        }
        return out.toArray(new String[0]);
    }

    /** Python's {@code s.rstrip()}. */
    static String rstrip(String s) {
        int end = s.length();
        while (end > 0) {
            int cp = s.codePointBefore(end);
            if (!isSpace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    /** Code points of {@code s}, whitespace removed (Python's {@code ''.join(s.split())}) or kept. */
    static int[] codePoints(String s, boolean keepWhitespace) {
        int[] cps = s.codePoints().toArray();
        if (keepWhitespace) {
            return cps;
        }
        int k = 0;
        for (int cp : cps) {
            if (!isSpace(cp)) {
                cps[k++] = cp;
            }
        }
        return k == cps.length ? cps : java.util.Arrays.copyOf(cps, k);
    }

    /**
     * Python's {@code str.lower()}. Java's root-locale lower-casing applies the same Unicode
     * full case mappings (including final sigma and U+0130 to "i" + combining dot).
     */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * Python's {@code f"{x:.{decimals}f}"}: the exact binary value rounded half-to-even, so 0.125
     * prints as "0.12" (Java's {@code %.2f} would print "0.13").
     */
    static String fixed(double x, int decimals) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        // Python keeps the sign of a negative number that rounds to zero ("-0.00")
        if ((x < 0 || (x == 0 && 1 / x < 0)) && !s.startsWith("-")) {
            s = "-" + s;
        }
        return s;
    }
}
