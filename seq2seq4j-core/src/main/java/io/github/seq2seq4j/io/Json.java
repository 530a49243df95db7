package io.github.seq2seq4j.io;

import io.github.seq2seq4j.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A small, strict JSON reader and a Python-compatible writer, enough for safetensors headers and
 * bundle configs without a dependency.
 *
 * <p>Values map to Java as: object → {@code LinkedHashMap<String, Object>} (document order), array →
 * {@code List<Object>}, string → {@code String}, integer → {@code Long} (or {@code BigInteger} when it
 * does not fit), number with a fraction or exponent → {@code Double}, true/false → {@code Boolean},
 * null → {@code null}.
 *
 * <p>Writing accepts those types plus {@code Integer}, {@code Float}, any {@code Map} with string keys,
 * any {@code Collection} and primitive arrays, and produces what Python's {@code json.dumps} would:
 * see {@link #write} and {@link #writePretty}.
 */
public final class Json {
    private Json() {}

    /** Parses JSON text; malformed text throws {@link JsonSyntaxException} with line and column. */
    public static Object parse(String text) {
        return JsonParser.parse(text);
    }

    /** Parses UTF-8 JSON bytes; invalid UTF-8 is a syntax error at the first bad byte. */
    public static Object parse(byte[] utf8) {
        return parse(decodeUtf8(utf8));
    }

    /** Reads and parses a file; errors read "FILE:LINE:COLUMN: problem". */
    public static Object read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw InputException.in(file.toString(), "no such file");
        } catch (IOException e) {
            throw InputException.in(file.toString(), "cannot read: " + e.getMessage());
        }
        try {
            return parse(bytes);
        } catch (JsonSyntaxException e) {
            throw new InputException(file + ":" + e.line() + ":" + e.column() + ": " + e.detail(), e);
        }
    }

    /** Compact, as Python's {@code json.dumps(v, separators=(",", ":"))}: no spaces, non-ASCII escaped. */
    public static String write(Object value) {
        return JsonWriter.write(value, 0);
    }

    /** As Python's {@code json.dump(v, f, indent=2)}: two-space indent, ": " after keys, no final newline. */
    public static String writePretty(Object value) {
        return JsonWriter.write(value, 2);
    }

    private static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);   // UTF-8 never has fewer bytes than UTF-16 units
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int bad = in.position();
            out.flip();
            String before = out.toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
            throw new JsonSyntaxException(line, column,
                    String.format("invalid UTF-8 at byte %d (0x%02x)", bad, bytes[Math.min(bad, bytes.length - 1)] & 0xff));
        }
        out.flip();
        return out.toString();
    }
}
