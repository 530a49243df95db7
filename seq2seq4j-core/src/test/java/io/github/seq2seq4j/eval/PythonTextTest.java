package io.github.seq2seq4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PythonTextTest {
    @Test
    void splitUsesPythonsWhitespace() {
        // no-break space, thin space, ideographic space, NEL and the information separators are
        // whitespace to Python's str.split(); the zero-width space is not
        assertArrayEquals(new String[] {"a", "b", "c", "d", "e", "f\u200Bg"},
                PythonText.split("\u00A0a\u2009b\u3000c\u0085d\u001Fe\u202F f\u200Bg\n"));
        assertArrayEquals(new String[0], PythonText.split(" \t\r\n"));
        assertEquals("a b", PythonText.rstrip("a b\u00A0\n "));
    }

    @Test
    void codePointsDropWhitespaceUnlessKept() {
        assertArrayEquals(new int[] {'a', 0x1F600, 'b'}, PythonText.codePoints(" a\uD83D\uDE00 \u00A0b ", false));
        assertArrayEquals(new int[] {'a', ' ', 'b'}, PythonText.codePoints("a b", true));
    }

    @Test
    void fixedRoundsTheExactBinaryValueHalfToEven() {
        assertEquals("0.12", PythonText.fixed(0.125, 2)); // exact tie: to even
        assertEquals("0.38", PythonText.fixed(0.375, 2));
        assertEquals("1.00", PythonText.fixed(1.005, 2)); // 1.005 is stored just below
        assertEquals("2.67", PythonText.fixed(2.675, 2));
        assertEquals("-0.00", PythonText.fixed(-0.001, 2));
        assertEquals("48.53", PythonText.fixed(48.530827, 2));
        assertEquals("100.0", PythonText.fixed(100.0, 1));
    }
}
