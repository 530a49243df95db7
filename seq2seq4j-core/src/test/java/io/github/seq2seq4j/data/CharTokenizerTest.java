package io.github.seq2seq4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.seq2seq4j.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values follow the reference: {@code [SPACE if ch == " " else ch for ch in text]}. */
class CharTokenizerTest {
    private final CharTokenizer tok = new CharTokenizer();

    @Test
    void oneTokenPerCodePointWithSpaceAsU2581() {
        assertEquals(List.of(), tok.tokenize(""));
        assertEquals(List.of("\u2581", "a", "\u2581", "\u2581", "b", "\u2581"), tok.tokenize(" a  b "));
        assertEquals(List.of("a", "\t", "b", "\u00a0", "c"), tok.tokenize("a\tb\u00a0c"));
    }

    @Test
    void supplementaryCharacterIsOneToken() {
        assertEquals(List.of("\ud83d\ude00", "x"), tok.tokenize("\ud83d\ude00x"));
    }

    @Test
    void combiningMarksAreSeparateCodePoints() {
        assertEquals(List.of("e", "\u0301"), tok.tokenize("e\u0301"));
        assertEquals(List.of("\u00e9"), tok.tokenize("\u00e9"));
    }

    @Test
    void detokenizeRestoresSpacesAndReadsU2581AsSpace() {
        String text = " ironing  board\t\u00e1 ";
        assertEquals(text, tok.detokenize(tok.tokenize(text)));
        // the reference replaces every U+2581 on the way back, including one typed by the user
        assertEquals("a b", tok.detokenize(tok.tokenize("a\u2581b")));
    }

    @Test
    void forNameKnowsTheReferenceNames() {
        assertEquals("char", Tokenizer.forName("char").name());
        assertEquals("whitespace", Tokenizer.forName("whitespace").name());
        InputException e = assertThrows(InputException.class, () -> Tokenizer.forName("sentencepiece"));
        assertEquals("unknown tokenizer \"sentencepiece\" (expected char, whitespace or bpe)", e.getMessage());
        assertThrows(InputException.class, () -> Tokenizer.forName("bpe"));
    }
}
