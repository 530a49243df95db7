package io.github.seq2seq4j.server.http;

import io.github.seq2seq4j.server.api.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body up to a byte limit. A declared Content-Length over the limit is refused
 * before anything is read; a chunked body is cut off as soon as it passes the limit.
 */
final class BodyReader {
    private BodyReader() {}

    static byte[] read(HttpServletRequest request, long maxBytes) {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared + " bytes", maxBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, declared > 0 ? declared : 8192));
        byte[] buf = new byte[8192];
        long total = 0;
        try (InputStream in = request.getInputStream()) {
            for (int n = in.read(buf); n != -1; n = in.read(buf)) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge("more than " + maxBytes + " bytes", maxBytes);
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw ApiException.badRequest("the request body could not be read: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private static ApiException tooLarge(String size, long max) {
        return ApiException.limit("max_body_bytes", "the request body has " + size + "; this server accepts at most "
                + max + " bytes (max_body_bytes)");
    }
}
