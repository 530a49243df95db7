package io.github.seq2seq4j.server;

import io.github.seq2seq4j.server.api.Limits;
import io.github.seq2seq4j.server.batch.BatchDecoder;
import io.github.seq2seq4j.server.batch.BatchPolicy;
import java.time.Duration;

/** Servers for tests: loopback, an ephemeral port, the fixture models, short drain. */
public final class TestServers {
    private TestServers() {}

    /** Default limits, batches of 32 waiting 2 ms, 2 decoding threads. */
    public static ServerConfig config() {
        return new ServerConfig(ServerConfig.LOOPBACK, 0, Limits.DEFAULT,
                new BatchPolicy(32, Duration.ofMillis(2), 2, 4096, Limits.DEFAULT.maxInputChars()), Duration.ofSeconds(10));
    }

    public static TranslationServer start() {
        return TranslationServer.start(config(), Fixtures.registry());
    }

    public static TranslationServer start(ServerConfig config) {
        return TranslationServer.start(config, Fixtures.registry());
    }

    public static TranslationServer start(ServerConfig config, BatchDecoder decoder) {
        return TranslationServer.start(config, Fixtures.registry(), decoder);
    }
}
