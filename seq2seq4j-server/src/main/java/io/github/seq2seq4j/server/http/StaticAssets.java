package io.github.seq2seq4j.server.http;

import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The web page's files, read once from the classpath ({@code io/github/seq2seq4j/server/web/})
 * and served with their content type and a policy that allows only the page's own scripts,
 * styles and requests.
 */
public final class StaticAssets {
    private static final String BASE = "/io/github/seq2seq4j/server/web/";
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
            + " frame-ancestors 'none'";

    private StaticAssets() {}

    /** A handler that answers with the named resource. */
    public static Handler handler(String name, String contentType) {
        byte[] bytes = load(name);
        return ctx -> ctx.contentType(contentType)
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", POLICY)
                .result(bytes);
    }

    static byte[] load(String name) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BASE + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + BASE + name, e);
        }
    }
}
