package io.github.seq2seq4j.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.seq2seq4j.io.ModelBundle;
import io.github.seq2seq4j.model.ModelConfig;
import java.util.Map;

/**
 * One entry of {@code GET /v1/models}.
 *
 * @param name            the name requests use
 * @param isDefault       true for the model used when a request names none
 * @param parameters      number of trainable parameters
 * @param sourceVocabSize source vocabulary size, specials included
 * @param targetVocabSize target vocabulary size, specials included
 * @param config          the bundle's config.json keys and values
 */
public record ModelInfo(String name, @JsonProperty("default") boolean isDefault, long parameters, int sourceVocabSize,
                        int targetVocabSize, Map<String, Object> config) {

    /** The entry for a model. */
    public static ModelInfo of(String name, boolean isDefault, long parameters, int sourceVocabSize, int targetVocabSize,
                               ModelConfig config) {
        return new ModelInfo(name, isDefault, parameters, sourceVocabSize, targetVocabSize, ModelBundle.configJson(config));
    }

    /** The {@code GET /v1/models} body. */
    public record Listing(java.util.List<ModelInfo> models) {}
}
