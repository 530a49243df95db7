package io.github.seq2seq4j.server.http;

import io.github.seq2seq4j.server.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a byte limit. A declared Content-Length over the limit is refused
 * without keeping anything; a chunked body is cut off as soon as it passes the limit.
 *
 * <p>Before a refusal the rest of the body is read and discarded, up to {@link #DRAIN_BYTES}: the
 * connection is closed after the answer, and closing a socket with unread data resets it, which
 * can destroy the 413 before a client that is still sending reads it (seen as "broken pipe" or
 * "header parser received no bytes" in the client). A larger body still gets the reset.
 */
final class BodyReader {
    /** How much of a refused body is read and thrown away so that its sender can read the answer. */
    static final long DRAIN_BYTES = 8L << 20;

    private BodyReader() {}

    static byte[] read(HttpServletRequest request, long maxBytes) {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            drain(request);
            throw tooLarge(declared + " bytes", maxBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, declared > 0 ? declared : 8192));
        byte[] buf = new byte[8192];
        long total = 0;
        try (InputStream in = request.getInputStream()) {
            for (int n = in.read(buf); n != -1; n = in.read(buf)) {
                total += n;
                if (total > maxBytes) {
                    drain(in);
                    throw tooLarge("more than " + maxBytes + " bytes", maxBytes);
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw ApiException.badRequest("the request body could not be read: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private static void drain(HttpServletRequest request) {
        try {
            drain(request.getInputStream());
        } catch (IOException e) {
            // the client went away: nobody is left to read the answer
        }
    }

    /** Reads and discards up to DRAIN_BYTES; an I/O error means the client is gone, so there is nothing to save. */
    private static void drain(InputStream in) {
        byte[] buf = new byte[8192];
        long left = DRAIN_BYTES;
        try {
            for (int n = in.read(buf); n != -1 && (left -= n) > 0; n = in.read(buf)) {
                // discarded
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static ApiException tooLarge(String size, long max) {
        return ApiException.limit("max_body_bytes", "the request body has " + size + "; this server accepts at most "
                + max + " bytes (max_body_bytes)");
    }
}
