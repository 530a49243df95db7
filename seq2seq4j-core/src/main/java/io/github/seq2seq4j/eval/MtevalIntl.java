package io.github.seq2seq4j.eval;

/**
 * The "intl" tokenizer: the international tokenization of mteval-v14.pl as sacreBLEU applies it
 * (no entity unescaping, no padding). Three global substitutions over Unicode general categories
 * (N number, P punctuation, S symbol), applied in turn and then whitespace is collapsed:
 *
 * <ol>
 *   <li>{@code s/(\P{N})(\p{P})/$1 $2 /g} (punctuation after a non-number)
 *   <li>{@code s/(\p{P})(\P{N})/ $1 $2/g} (punctuation before a non-number)
 *   <li>{@code s/(\p{S})/ $1 /g} (every symbol)
 * </ol>
 *
 * <p>So punctuation stays attached only when it sits between two numbers ("3.14", "1,000").
 * Written as code-point loops with the same left-to-right, non-overlapping match semantics; the
 * categories come from the JDK's Unicode tables, which can differ from Python's {@code regex}
 * module for characters added in later Unicode versions.
 */
final class MtevalIntl {
    private MtevalIntl() {}

    static String[] tokenize(String line) {
        int[] cps = line.codePoints().toArray();
        cps = punctuationAfterNonNumber(cps);
        cps = punctuationBeforeNonNumber(cps);
        String s = splitSymbols(cps);
        return PythonText.split(s);
    }

    static boolean isNumber(int cp) {
        int t = Character.getType(cp);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    static boolean isPunctuation(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }

    static boolean isSymbol(int cp) {
        switch (Character.getType(cp)) {
            case Character.MATH_SYMBOL:
            case Character.CURRENCY_SYMBOL:
            case Character.MODIFIER_SYMBOL:
            case Character.OTHER_SYMBOL:
                return true;
            default:
                return false;
        }
    }

    // (\P{N})(\p{P}) -> "$1 $2 "
    private static int[] punctuationAfterNonNumber(int[] s) {
        IntBuffer out = new IntBuffer(s.length + 8);
        int i = 0;
        while (i < s.length) {
            if (i + 1 < s.length && !isNumber(s[i]) && isPunctuation(s[i + 1])) {
                out.add(s[i]).add(' ').add(s[i + 1]).add(' ');
                i += 2;
            } else {
                out.add(s[i++]);
            }
        }
        return out.toArray();
    }

    // (\p{P})(\P{N}) -> " $1 $2"
    private static int[] punctuationBeforeNonNumber(int[] s) {
        IntBuffer out = new IntBuffer(s.length + 8);
        int i = 0;
        while (i < s.length) {
            if (i + 1 < s.length && isPunctuation(s[i]) && !isNumber(s[i + 1])) {
                out.add(' ').add(s[i]).add(' ').add(s[i + 1]);
                i += 2;
            } else {
                out.add(s[i++]);
            }
        }
        return out.toArray();
    }

    // (\p{S}) -> " $1 "
    private static String splitSymbols(int[] s) {
        StringBuilder out = new StringBuilder(s.length + 16);
        for (int cp : s) {
            if (isSymbol(cp)) {
                out.append(' ').appendCodePoint(cp).append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** A growable int array, enough for these passes. */
    private static final class IntBuffer {
        private int[] data;
        private int size;

        IntBuffer(int capacity) {
            data = new int[Math.max(capacity, 4)];
        }

        IntBuffer add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
            return this;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
