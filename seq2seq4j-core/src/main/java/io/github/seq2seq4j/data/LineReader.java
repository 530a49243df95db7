package io.github.seq2seq4j.data;

import io.github.seq2seq4j.InputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * Reads a UTF-8 text file line by line, strictly: a malformed byte sequence is an
 * {@link InputException} naming the file, the line and the byte column, never a silent U+FFFD.
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or a lone {@code \r} (what Python's universal newlines
 * and {@code BufferedReader.readLine} accept); the terminator is not part of the line, and a final
 * line without terminator is still a line. Other Unicode separators (U+0085, U+2028) stay inside
 * the line, as they do when Python iterates over a file. A UTF-8 byte order mark at the very start
 * is dropped. Lines are split on bytes before decoding, so the reported line number is exact.
 */
public final class LineReader implements Closeable {
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final String name;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[CHUNK];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[256];
    private boolean skipLf;
    private boolean eof;
    private long lineNumber;

    private LineReader(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    /** Opens {@code file}; a missing file is an {@link InputException}. */
    public static LineReader open(Path file) {
        try {
            return new LineReader(Files.newInputStream(file), file.toString());
        } catch (NoSuchFileException e) {
            throw InputException.in(file.toString(), "no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    /** Reads from a stream; {@code name} is used in error messages. */
    public static LineReader of(InputStream in, String name) {
        return new LineReader(in, name);
    }

    /** The next line without its terminator, or null at end of file. */
    public String readLine() {
        int len = 0;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkEnd && !fill()) {
                break;
            }
            byte b = chunk[chunkPos++];
            if (skipLf) {
                skipLf = false;
                if (b == '\n') {
                    continue;
                }
            }
            any = true;
            if (b == '\n') {
                return decode(len);
            }
            if (b == '\r') {
                skipLf = true;
                return decode(len);
            }
            if (len == line.length) {
                line = java.util.Arrays.copyOf(line, len * 2);
            }
            line[len++] = b;
        }
        return any ? decode(len) : null;
    }

    /** The 1-based number of the line last returned by {@link #readLine()}; 0 before the first. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The file name used in error messages. */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + name, e);
        }
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        try {
            int n;
            do {
                n = in.read(chunk, 0, CHUNK);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                return false;
            }
            chunkPos = 0;
            chunkEnd = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private String decode(int len) {
        lineNumber++;
        int start = 0;
        if (lineNumber == 1 && len >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB
                && line[2] == (byte) 0xBF) {
            start = 3;
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, start, len - start);
        CharBuffer chars = CharBuffer.allocate(len - start);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int at = bytes.position();
            throw InputException.at(name, lineNumber, String.format(
                    "invalid UTF-8 at byte %d of the line (0x%02X)", at - start + 1, line[at] & 0xFF));
        }
        chars.flip();
        return chars.toString();
    }
}
