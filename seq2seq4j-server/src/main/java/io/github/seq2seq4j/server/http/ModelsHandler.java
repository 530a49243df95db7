package io.github.seq2seq4j.server.http;

import io.github.seq2seq4j.Seq2SeqModel;
import io.github.seq2seq4j.server.ModelRegistry;
import io.github.seq2seq4j.server.ServedModel;
import io.github.seq2seq4j.server.api.ApiJson;
import io.github.seq2seq4j.server.api.ModelInfo;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /v1/models}: names, configs, vocabulary sizes and parameter counts (computed once). */
public final class ModelsHandler implements Handler {
    private final byte[] body;

    public ModelsHandler(ModelRegistry models) {
        List<ModelInfo> infos = new ArrayList<>();
        String dflt = models.defaultModel().name();
        for (ServedModel s : models.all()) {
            Seq2SeqModel m = s.model();
            infos.add(ModelInfo.of(s.name(), s.name().equals(dflt), m.parameterCount(), m.sourceVocabulary().size(),
                    m.targetVocabulary().size(), m.config()));
        }
        this.body = ApiJson.write(new ModelInfo.Listing(infos));
    }

    @Override
    public void handle(Context ctx) {
        ctx.contentType(ErrorResponses.JSON).result(body);
    }
}
