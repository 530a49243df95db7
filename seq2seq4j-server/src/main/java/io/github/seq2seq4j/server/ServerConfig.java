package io.github.seq2seq4j.server;

import io.github.seq2seq4j.server.api.Limits;
import io.github.seq2seq4j.server.batch.BatchPolicy;
import java.time.Duration;

/**
 * How to run a server.
 *
 * @param host         the address to listen on (loopback unless told otherwise)
 * @param port         the TCP port; 0 picks a free one
 * @param limits       what one request may ask for
 * @param batching     how sentences are grouped into decoding batches
 * @param drainTimeout on shutdown, how long requests in flight may take to finish
 */
public record ServerConfig(String host, int port, Limits limits, BatchPolicy batching, Duration drainTimeout) {
    /** The default address: loopback only. */
    public static final String LOOPBACK = "127.0.0.1";

    /** Checks the host, the port range and that limits, batching and a drain timeout are given. */
    public ServerConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (limits == null || batching == null || drainTimeout == null || drainTimeout.isNegative()) {
            throw new IllegalArgumentException("limits, batching and a non-negative drain timeout are required");
        }
    }

    /** Loopback, port 8080, default limits, batches of up to 32 waiting up to 2 ms, one decoding thread per core. */
    public static ServerConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ServerConfig(LOOPBACK, 8080, Limits.DEFAULT,
                new BatchPolicy(32, Duration.ofMillis(2), cores, 4096, Limits.DEFAULT.maxInputChars()),
                Duration.ofSeconds(30));
    }

    /** The same configuration on port {@code p} (0: a free one). */
    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, limits, batching, drainTimeout);
    }

    /** The same configuration with other request limits. */
    public ServerConfig withLimits(Limits l) {
        return new ServerConfig(host, port, l, batching, drainTimeout);
    }

    /** The same configuration with another batching policy. */
    public ServerConfig withBatching(BatchPolicy b) {
        return new ServerConfig(host, port, limits, b, drainTimeout);
    }
}
