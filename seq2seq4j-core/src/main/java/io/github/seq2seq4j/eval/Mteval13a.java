package io.github.seq2seq4j.eval;

/**
 * The "13a" tokenizer: the normalisation of NIST's mteval-v13a.pl, the default of WMT and
 * sacreBLEU. mteval defines it as four global regular-expression substitutions applied in turn
 * to the line padded with a space on each side:
 *
 * <ol>
 *   <li>{@code s/([\{-\~\[-\` -\&\(-\+\:-\@\/])/ $1 /g} (most ASCII punctuation becomes a token)
 *   <li>{@code s/([^0-9])([\.,])/$1 $2 /g} (period and comma, unless preceded by a digit)
 *   <li>{@code s/([\.,])([^0-9])/ $1 $2/g} (period and comma, unless followed by a digit)
 *   <li>{@code s/([0-9])(-)/$1 $2 /g} (dash after a digit)
 * </ol>
 *
 * <p>followed by collapsing whitespace. Each substitution is a left-to-right scan whose matches
 * do not overlap, so it is written here as loops over char arrays (several times faster than
 * {@code java.util.regex}); the test suite checks the loops against the regular expressions.
 */
final class Mteval13a {
    private Mteval13a() {}

    static String[] tokenize(String line) {
        // language-independent part of mteval: skipped tags, end-of-line hyphenation, SGML entities
        if (line.indexOf('<') >= 0) {
            line = line.replace("<skipped>", "");
        }
        if (line.indexOf('\n') >= 0) {
            line = line.replace("-\n", "").replace("\n", " ");
        }
        if (line.indexOf('&') >= 0) {
            line = line.replace("&quot;", "\"").replace("&amp;", "&")
                    .replace("&lt;", "<").replace("&gt;", ">");
        }
        // Step 1 at most triples the padded line; steps 2 and 3 add two spaces per match and every
        // match holds a period or comma (step 2 as its second, step 3 as its first character);
        // step 4 adds two per dash. Passes only add spaces, so counting once bounds them all.
        int n = line.length();
        int periodsCommas = 0;
        int dashes = 0;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '.' || c == ',') {
                periodsCommas++;
            } else if (c == '-') {
                dashes++;
            }
        }
        int capacity = 3 * (n + 2) + 4 * periodsCommas + 2 * dashes;
        char[] a = new char[capacity];
        char[] b = new char[capacity];
        int len = splitPunctuation(line, a);
        len = periodCommaAfterNonDigit(a, len, b);
        len = periodCommaBeforeNonDigit(b, len, a);
        len = dashAfterDigit(a, len, b);
        return PythonText.split(new String(b, 0, len));
    }

    /** Members of mteval's first character class: 0x20-0x26, 0x28-0x2B, '/', 0x3A-0x40, 0x5B-0x60, 0x7B-0x7E. */
    static boolean isSplitPunctuation(char c) {
        return (c >= ' ' && c <= '&') || (c >= '(' && c <= '+') || c == '/'
                || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isPeriodOrComma(char c) {
        return c == '.' || c == ',';
    }

    // Step 1 on " line ": " c " for every character of the class.
    private static int splitPunctuation(String s, char[] out) {
        int k = 0;
        out[k++] = ' ';
        out[k++] = ' ';
        out[k++] = ' ';
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (isSplitPunctuation(c)) {
                out[k++] = ' ';
                out[k++] = c;
                out[k++] = ' ';
            } else {
                out[k++] = c;
            }
        }
        out[k++] = ' ';
        out[k++] = ' ';
        out[k++] = ' ';
        return k;
    }

    // Step 2: ([^0-9])([.,]) -> "$1 $2 ". A match consumes both characters.
    private static int periodCommaAfterNonDigit(char[] s, int n, char[] out) {
        int k = 0;
        int i = 0;
        while (i < n) {
            char c = s[i];
            if (i + 1 < n && isPeriodOrComma(s[i + 1]) && !isDigit(c)) {
                out[k++] = c;
                out[k++] = ' ';
                out[k++] = s[i + 1];
                out[k++] = ' ';
                i += 2;
            } else {
                out[k++] = c;
                i++;
            }
        }
        return k;
    }

    // Step 3: ([.,])([^0-9]) -> " $1 $2". A match consumes both characters.
    private static int periodCommaBeforeNonDigit(char[] s, int n, char[] out) {
        int k = 0;
        int i = 0;
        while (i < n) {
            char c = s[i];
            if (i + 1 < n && isPeriodOrComma(c) && !isDigit(s[i + 1])) {
                out[k++] = ' ';
                out[k++] = c;
                out[k++] = ' ';
                out[k++] = s[i + 1];
                i += 2;
            } else {
                out[k++] = c;
                i++;
            }
        }
        return k;
    }

    // Step 4: ([0-9])(-) -> "$1 $2 ".
    private static int dashAfterDigit(char[] s, int n, char[] out) {
        int k = 0;
        int i = 0;
        while (i < n) {
            char c = s[i];
            if (i + 1 < n && s[i + 1] == '-' && isDigit(c)) {
                out[k++] = c;
                out[k++] = ' ';
                out[k++] = '-';
                out[k++] = ' ';
                i += 2;
            } else {
                out[k++] = c;
                i++;
            }
        }
        return k;
    }
}
