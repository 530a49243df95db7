package io.github.seq2seq4j.server.batch;

import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.decode.DecodeOptions;
import java.util.List;

/** Decodes one batch: for each source, its n-best translations, in order. */
@FunctionalInterface
public interface BatchDecoder {
    List<List<Translation>> decode(String model, List<String> sources, DecodeOptions options);
}
