package io.github.seq2seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.seq2seq4j.InputException;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written 13a and intl tokenizers against their definitions: the mteval-v13a / v14
 * substitutions written as java.util.regex patterns (same left-to-right, non-overlapping
 * replaceAll semantics as Perl's s///g and Python's re.sub), on fixed and random lines.
 */
class TokenizerTest {
    private static final Pattern[] V13A = {
        Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])"),
        Pattern.compile("([^0-9])([\\.,])"),
        Pattern.compile("([\\.,])([^0-9])"),
        Pattern.compile("([0-9])(-)"),
    };
    private static final String[] V13A_REPLACEMENTS = {" $1 ", "$1 $2 ", " $1 $2", "$1 $2 "};

    private static final Pattern[] INTL = {
        Pattern.compile("(\\P{N})(\\p{P})"),
        Pattern.compile("(\\p{P})(\\P{N})"),
        Pattern.compile("(\\p{S})"),
    };
    private static final String[] INTL_REPLACEMENTS = {"$1 $2 ", " $1 $2", " $1 "};

    static String[] regex13a(String line) {
        line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
                .replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        String s = " " + line + " ";
        for (int i = 0; i < V13A.length; i++) {
            s = V13A[i].matcher(s).replaceAll(V13A_REPLACEMENTS[i]);
        }
        return PythonText.split(s);
    }

    static String[] regexIntl(String line) {
        String s = line;
        for (int i = 0; i < INTL.length; i++) {
            s = INTL[i].matcher(s).replaceAll(INTL_REPLACEMENTS[i]);
        }
        return PythonText.split(s);
    }

    @Test
    void thirteenAOnKnownLines() {
        assertArrayEquals(new String[] {"It", "wasn't", "surprising", "."}, BleuTokenizer.THIRTEEN_A.tokenize("It wasn't surprising."));
        assertArrayEquals(new String[] {"3.14", ",", "1,000", "and", "5", "-", "6"},
                BleuTokenizer.THIRTEEN_A.tokenize("3.14, 1,000 and 5-6"));
        assertArrayEquals(new String[] {"\"", "a", "&", "b", "\"", "(", "c", ")", "end", "."},
                BleuTokenizer.THIRTEEN_A.tokenize("&quot;a &amp; b&quot; (c) end."));
        assertArrayEquals(new String[] {"joined", "word"}, BleuTokenizer.THIRTEEN_A.tokenize("join-\ned <skipped>word"));
    }

    @Test
    void intlOnKnownLines() {
        assertArrayEquals(new String[] {"It", "wasn", "'", "t", "surprising", "."}, BleuTokenizer.INTL.tokenize("It wasn't surprising."));
        // punctuation between digits stays; the sentence-final period after a number stays too,
        // as in mteval-v14 (no padding)
        assertArrayEquals(new String[] {"3.14", ",", "1,000", "in", "1999."}, BleuTokenizer.INTL.tokenize("3.14, 1,000 in 1999."));
        assertArrayEquals(new String[] {"«", "Oui", "»", ",", "5", "€", "!"}, BleuTokenizer.INTL.tokenize("«Oui», 5€!"));
    }

    @Test
    void noneAndCharTokenizers() {
        assertArrayEquals(new String[] {"a", "b,c"}, BleuTokenizer.NONE.tokenize("  a\u00A0b,c \u3000"));
        assertArrayEquals(new String[] {"a", "b", "\uD83D\uDE00"}, BleuTokenizer.CHAR.tokenize("a b\uD83D\uDE00 "));
    }

    private static final String[] FRAGMENTS = {
        "a", "Z", "x", "0", "7", "9", " ", "  ", "\t", "\n", "-", "-\n", ".", ",", "'", "\"", "&", "&amp;", "&quot;",
        "&lt;", "&gt;", "<skipped>", "<", ">", "(", ")", "[", "]", "{", "}", "~", "`", "^", "_", "/", "\\", ":", ";",
        "?", "!", "@", "#", "$", "%", "*", "+", "=", "|", "é", "ß", "«", "»", "¿", "—", "–", "“", "”", "€", "£",
        "½", "²", "Ⅻ", "٣", "\u00A0", "\u2009", "\u3000", "\u0085", "\u200B", "\uD83D\uDE00", "\uD835\uDFD8",
        "\uD834\uDD1E", "中", "。", "、", "١٢", "3.5", "1,000", "U.S.", "e.g.",
    };

    private static String randomLine(Random rng) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0, n = rng.nextInt(25); i < n; i++) {
            sb.append(FRAGMENTS[rng.nextInt(FRAGMENTS.length)]);
        }
        return sb.toString();
    }

    @Test
    void thirteenAEqualsTheRegexDefinitionOnRandomLines() {
        Random rng = new Random(13);
        for (int t = 0; t < 5000; t++) {
            String line = randomLine(rng);
            assertArrayEquals(regex13a(line), BleuTokenizer.THIRTEEN_A.tokenize(line), () -> "line: [" + line + "]");
        }
    }

    @Test
    void intlEqualsTheRegexDefinitionOnRandomLines() {
        Random rng = new Random(14);
        for (int t = 0; t < 5000; t++) {
            String line = randomLine(rng);
            assertArrayEquals(regexIntl(line), BleuTokenizer.INTL.tokenize(line), () -> "line: [" + line + "]");
        }
    }

    @Test
    void longRunsOfPunctuationAndDigits() {
        // worst cases for the output size of each 13a step
        for (String unit : new String[] {",", ".", ".,", "x.", ".x", "9-", "-", "9.-", "&amp;", "a,9", "(", " "}) {
            String line = unit.repeat(500);
            assertArrayEquals(regex13a(line), BleuTokenizer.THIRTEEN_A.tokenize(line), unit);
            assertArrayEquals(regexIntl(line), BleuTokenizer.INTL.tokenize(line), unit);
        }
    }

    @Test
    void lookupByName() {
        assertEquals(BleuTokenizer.THIRTEEN_A, BleuTokenizer.byName("13a"));
        assertEquals(BleuTokenizer.CHAR, BleuTokenizer.byName("char"));
        InputException e = assertThrows(InputException.class, () -> BleuTokenizer.byName("zh"));
        assertEquals("unknown BLEU tokenizer 'zh'; known: 13a, intl, none, char", e.getMessage());
        assertEquals(Smoothing.ADD_K, Smoothing.byName("add-k"));
        assertThrows(InputException.class, () -> Smoothing.byName("add-one"));
    }
}
