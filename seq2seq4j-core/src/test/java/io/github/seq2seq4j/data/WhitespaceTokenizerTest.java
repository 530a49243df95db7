package io.github.seq2seq4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values were produced by CPython 3.11's {@code str.split()}, the reference tokenizer. */
class WhitespaceTokenizerTest {
    private final WhitespaceTokenizer tok = new WhitespaceTokenizer();

    @Test
    void splitsLikePythonOnAsciiSpace() {
        assertEquals(List.of(), tok.tokenize(""));
        assertEquals(List.of(), tok.tokenize("   "));
        assertEquals(List.of("a"), tok.tokenize("a"));
        assertEquals(List.of("a", "b"), tok.tokenize("  a  b  "));
        assertEquals(List.of("a", "b", "c"), tok.tokenize("a\tb\nc"));
        assertEquals(List.of("a", "b", "c"), tok.tokenize("a\u001cb\u001fc"));
    }

    @Test
    void splitsOnSpacesJavaDoesNotCallWhitespace() {
        // Character.isWhitespace is false for these four; Python splits on them
        assertFalse(Character.isWhitespace('\u00a0'));
        assertEquals(List.of("a", "b"), tok.tokenize("a\u00a0b"));
        assertEquals(List.of("a", "b"), tok.tokenize("a\u0085b"));
        assertEquals(List.of("a", "b", "c"), tok.tokenize("a\u2007b\u202fc"));
        assertEquals(List.of("a", "b", "c", "d"), tok.tokenize("a\u3000b\u2028c\u2029d"));
        assertEquals(List.of("x", "y"), tok.tokenize("x\u205f\u1680y"));
    }

    @Test
    void keepsZeroWidthAndFormatCharactersInsideTokens() {
        assertEquals(List.of("a\u200bb"), tok.tokenize("a\u200bb"));
        assertEquals(List.of("a\u180eb"), tok.tokenize("a\u180eb"));
        assertEquals(List.of("a\ufeffb"), tok.tokenize("a\ufeffb"));
        assertEquals(List.of("\ud83d\ude00", "\ud83d\ude00x"), tok.tokenize("\ud83d\ude00 \ud83d\ude00x"));
    }

    @Test
    void whitespaceSetIsExactlyPythons() {
        int[] python = {0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000,
            0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029,
            0x202f, 0x205f, 0x3000};
        int found = 0;
        for (int c = 0; c < 0x110000; c++) {
            if (Whitespace.isSpace(c)) {
                assertEquals(python[found++], c);
            }
        }
        assertEquals(python.length, found);
    }

    @Test
    void joinsWithOneSpace() {
        assertEquals("a b c", tok.detokenize(tok.tokenize(" a \t b\u00a0\u00a0c\n")));
        assertEquals("", tok.detokenize(List.of()));
        assertEquals("whitespace", tok.name());
    }

    @Test
    void blankMatchesPythonStrip() {
        assertTrue(Whitespace.isBlank(""));
        assertTrue(Whitespace.isBlank(" \t\u00a0\u3000"));
        assertFalse(Whitespace.isBlank(" \u200b "));
    }
}
