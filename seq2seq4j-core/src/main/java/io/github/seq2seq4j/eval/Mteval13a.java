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
 * do not overlap, so it is written here as a character loop (several times faster than
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
        String s = splitPunctuation(" " + line + " ");
        s = periodCommaAfterNonDigit(s);
        s = periodCommaBeforeNonDigit(s);
        s = dashAfterDigit(s);
        return PythonText.split(s);
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

    // Step 1: " c " for every character of the class.
    private static String splitPunctuation(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (isSplitPunctuation(c)) {
                out.append(' ').append(c).append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // Step 2: ([^0-9])([.,]) -> "$1 $2 ". A match consumes both characters.
    private static String periodCommaAfterNonDigit(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (i + 1 < n && !isDigit(c) && isPeriodOrComma(s.charAt(i + 1))) {
                out.append(c).append(' ').append(s.charAt(i + 1)).append(' ');
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    // Step 3: ([.,])([^0-9]) -> " $1 $2". A match consumes both characters.
    private static String periodCommaBeforeNonDigit(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (i + 1 < n && isPeriodOrComma(c) && !isDigit(s.charAt(i + 1))) {
                out.append(' ').append(c).append(' ').append(s.charAt(i + 1));
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    // Step 4: ([0-9])(-) -> "$1 $2 ".
    private static String dashAfterDigit(String s) {
        if (s.indexOf('-') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (i + 1 < n && isDigit(c) && s.charAt(i + 1) == '-') {
                out.append(c).append(' ').append('-').append(' ');
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
