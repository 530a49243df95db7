package io.github.seq2seq4j.server.api;

import java.time.Duration;

/**
 * What one request may ask for. Beyond a limit the server answers with a 4xx JSON error that
 * names it ({@code max_body_bytes} gives 413, the others 400); past the time limit, 503.
 *
 * @param maxBodyBytes   request body size in bytes
 * @param maxInputs      inputs per request
 * @param maxInputChars  characters (Unicode code points) per input
 * @param maxBeam        beam size
 * @param maxNbest       translations per input
 * @param requestTimeout time from receiving a translation request to its answer; past it the
 *                       request is cancelled with 503
 */
public record Limits(long maxBodyBytes, int maxInputs, int maxInputChars, int maxBeam, int maxNbest,
                     Duration requestTimeout) {
    /** 1 MiB bodies, 64 inputs of 1000 characters, beam and n-best up to 16, 30 s per request. */
    public static final Limits DEFAULT = new Limits(1 << 20, 64, 1000, 16, 16, Duration.ofSeconds(30));

    public Limits {
        if (maxBodyBytes < 1 || maxInputs < 1 || maxInputChars < 1 || maxBeam < 1 || maxNbest < 1) {
            throw new IllegalArgumentException("every limit must be >= 1");
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be positive");
        }
    }

    public Limits withRequestTimeout(Duration d) {
        return new Limits(maxBodyBytes, maxInputs, maxInputChars, maxBeam, maxNbest, d);
    }

    public Limits withMaxBodyBytes(long n) {
        return new Limits(n, maxInputs, maxInputChars, maxBeam, maxNbest, requestTimeout);
    }
}
