package io.github.seq2seq4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.testing.Fixtures;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {
    @Test
    void parsesEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -2.5, 1e3, true, false, null], \"b\": {\"c\": \"d\"}, \"e\": 0} ");
        Map<?, ?> m = assertInstanceOf(LinkedHashMap.class, v);
        assertEquals(List.of("a", "b", "e"), List.copyOf(m.keySet()));
        List<?> a = (List<?>) m.get("a");
        assertEquals(1L, a.get(0));
        assertEquals(-2.5, a.get(1));
        assertEquals(1000.0, a.get(2));
        assertEquals(Boolean.TRUE, a.get(3));
        assertEquals(Boolean.FALSE, a.get(4));
        assertNull(a.get(5));
        assertEquals(Map.of("c", "d"), m.get("b"));
        assertEquals(0L, m.get("e"));
    }

    @Test
    void keepsObjectKeyOrder() {
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"z\":1,\"a\":2,\"m\":3}");
        assertEquals(List.of("z", "a", "m"), List.copyOf(m.keySet()));
    }

    @Test
    void integersBeyondLongBecomeBigInteger() {
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
        assertEquals(new BigInteger("9223372036854775808"), Json.parse("9223372036854775808"));
        assertEquals(-0.0, Json.parse("-0.0"));
        assertEquals(0L, Json.parse("-0"));
    }

    @Test
    void decodesAllEscapesIncludingSurrogatePairs() {
        assertEquals("\"\\/\b\f\n\r\t", Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""));
        assertEquals("é", Json.parse("\"\\u00e9\""));
        assertEquals("\uD83D\uDE00", Json.parse("\"\\ud83d\\ude00\""));
        assertEquals("\uD83D\uDE00", Json.parse("\"\uD83D\uDE00\""));   // raw astral character
        assertEquals("A", Json.parse("\"\\u0041\""));
    }

    @Test
    void reportsLineAndColumnOfErrors() {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"));
        assertEquals(3, e.line());
        assertEquals(7, e.column());
        assertTrue(e.getMessage().startsWith("line 3, column 7: expected ':'"), e.getMessage());
    }

    @Test
    void rejectsWhatStrictJsonForbids() {
        String[][] cases = {
            {"", "expected a value but reached the end"},
            {"{\"a\":1,}", "expected a string key"},
            {"[1,]", "expected a value but found ']'"},
            {"[1 2]", "expected ',' or ']'"},
            {"{\"a\":1 \"b\":2}", "expected ',' or '}'"},
            {"01", "leading zeros"},
            {"1.", "digit after the decimal point"},
            {"1e", "digit in the exponent"},
            {"-", "expected a digit"},
            {"NaN", "NaN and Infinity"},
            {"Infinity", "NaN and Infinity"},
            {"1e999", "out of the range"},
            {"'a'", "expected a value"},
            {"tru", "expected a value"},
            {"\"abc", "unterminated string"},
            {"\"a\nb\"", "raw control character U+000A"},
            {"\"\\x\"", "invalid escape \\x"},
            {"\"\\u12\"", "4 hex digits"},
            {"\"\\ud83d\"", "not followed by a low surrogate"},
            {"\"\\ud83d\\u0041\"", "not a low surrogate"},
            {"\"\\ude00\"", "unpaired surrogate escape"},
            {"{\"a\":1,\"a\":2}", "duplicate key \"a\""},
            {"[] []", "after the JSON value"},
            {"\uFEFF{}", "byte order mark"},
            {"{1:2}", "expected a string key"},
        };
        for (String[] c : cases) {
            JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> Json.parse(c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), () -> c[0] + " gave: " + e.getMessage());
        }
    }

    @Test
    void limitsNestingDepth() {
        String deep = "[".repeat(JsonParser.MAX_DEPTH + 1) + "]".repeat(JsonParser.MAX_DEPTH + 1);
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nesting deeper"), e.getMessage());
        String ok = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
        assertInstanceOf(List.class, Json.parse(ok));
    }

    @Test
    void rejectsInvalidUtf8WithItsPosition() {
        byte[] bytes = "{\"a\":\n \"x\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(bytes, bytes.length + 2);
        broken[bytes.length - 1] = (byte) 0xff;     // cuts the é in half
        broken[bytes.length] = '"';
        broken[bytes.length + 1] = '}';
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> Json.parse(broken));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("invalid UTF-8 at byte"), e.getMessage());
    }

    @Test
    void readNamesTheFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("config.json");
        Files.writeString(f, "{\n  \"cell\": gru\n}");
        InputException e = assertThrows(InputException.class, () -> Json.read(f));
        assertEquals(f + ":2:11: expected a value but found 'g'", e.getMessage());
        InputException missing = assertThrows(InputException.class, () -> Json.read(dir.resolve("nope.json")));
        assertTrue(missing.getMessage().endsWith("nope.json: no such file"), missing.getMessage());
    }

    @Test
    void writesCompactAndPrettyLikePython() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", List.of(1, 2));
        m.put("b", Map.of());
        m.put("c", List.of());
        m.put("d", "é");
        assertEquals("{\"a\":[1,2],\"b\":{},\"c\":[],\"d\":\"\\u00e9\"}", Json.write(m));
        assertEquals("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": [],\n  \"d\": \"\\u00e9\"\n}",
                Json.writePretty(m));
        assertEquals("[3,4]", Json.write(new int[] {3, 4}));
        assertEquals("0.1", Json.write(0.1f));        // a float prints as its own shortest decimal
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }

    @Test
    void escapesLikePythonEnsureAscii() {
        assertEquals("\"\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u007f\\u00e9\\ud83d\\ude00/\"",
                Json.write("\"\\\n\r\t\b\f\u0001\u007f\u00e9\uD83D\uDE00/"));
    }

    @Test
    void matchesPythonOutputByteForByte() {
        Object sample = Json.parse(fixture("io/python_pretty.json"));
        assertEquals(fixture("io/python_pretty.json"), Json.writePretty(sample));
        assertEquals(fixture("io/python_compact.json"), Json.write(sample));
        assertEquals(sample, Json.parse(fixture("io/python_compact.json")));
    }

    @Test
    void formatsDoublesAsPythonRepr() {
        List<?> rows = (List<?>) Json.parse(fixture("io/python_float_repr.json"));
        assertTrue(rows.size() > 900, "the table covers random and edge-case doubles");
        for (Object row : rows) {
            List<?> r = (List<?>) row;
            double v = Double.longBitsToDouble(Long.parseUnsignedLong((String) r.get(0), 16));
            assertEquals(r.get(1), Json.write(v), () -> "repr of bits " + r.get(0));
            assertEquals(v, ((Number) Json.parse((String) r.get(1))).doubleValue(), "parses back");
        }
    }

    @Test
    void bundleConfigsRoundTripByteForByte() throws Exception {
        Path models = Fixtures.path("models");
        int checked = 0;
        try (var dirs = Files.list(models)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                String text = Files.readString(d.resolve("config.json"));
                assertEquals(text, Json.writePretty(Json.parse(text)), d.toString());
                checked++;
            }
        }
        assertTrue(checked >= 40, "checked " + checked + " bundles");
    }

    private static String fixture(String name) {
        return Fixtures.text(name);
    }
}
