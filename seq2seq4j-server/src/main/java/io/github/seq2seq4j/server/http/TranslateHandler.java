package io.github.seq2seq4j.server.http;

import io.github.seq2seq4j.InputException;
import io.github.seq2seq4j.Translation;
import io.github.seq2seq4j.server.ModelRegistry;
import io.github.seq2seq4j.server.ServedModel;
import io.github.seq2seq4j.server.api.ApiException;
import io.github.seq2seq4j.server.api.ApiJson;
import io.github.seq2seq4j.server.api.Limits;
import io.github.seq2seq4j.server.api.TranslateRequest;
import io.github.seq2seq4j.server.api.TranslateRequestParser;
import io.github.seq2seq4j.server.api.TranslateResponse;
import io.github.seq2seq4j.server.batch.BatchKey;
import io.github.seq2seq4j.server.batch.DecodeScheduler;
import io.github.seq2seq4j.server.batch.QueueFullException;
import io.github.seq2seq4j.server.batch.SchedulerClosedException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/translate}: validates the body, queues its inputs with the scheduler and answers
 * asynchronously (no HTTP thread waits for decoding). Past the request time limit the request's
 * sentences are cancelled and it is answered 503.
 */
public final class TranslateHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(TranslateHandler.class);

    private final ModelRegistry models;
    private final Limits limits;
    private final TranslateRequestParser parser;
    private final DecodeScheduler scheduler;
    private final ErrorResponses errors;
    private final Executor responder;

    /**
     * @param responder runs serialization and response writing, so that decoding threads never
     *                  wait for a slow client
     */
    public TranslateHandler(ModelRegistry models, Limits limits, DecodeScheduler scheduler, ErrorResponses errors,
                            Executor responder) {
        this.models = models;
        this.limits = limits;
        this.parser = new TranslateRequestParser(limits, models.names());
        this.scheduler = scheduler;
        this.errors = errors;
        this.responder = responder;
    }

    @Override
    public void handle(Context ctx) {
        TranslateRequest req = parser.parse(BodyReader.read(ctx.req(), limits.maxBodyBytes()));
        ServedModel served = models.find(req.model()).orElseThrow();
        checkSourceTokens(served, req.inputs());
        BatchKey key = new BatchKey(req.model(), req.beam(), req.alpha(), req.nbest(), req.attention());
        List<CompletableFuture<List<Translation>>> parts;
        try {
            parts = scheduler.submit(key, req.inputs());
        } catch (QueueFullException e) {
            throw ApiException.overloaded(e.getMessage());
        } catch (SchedulerClosedException e) {
            throw ApiException.shuttingDown();
        }
        long timeoutMillis = limits.requestTimeout().toMillis();
        CompletableFuture<Void> all = CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0]))
                .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
        ctx.future(() -> all.handleAsync((ok, failure) -> {
            respond(ctx, req, parts, failure, timeoutMillis);
            return null;
        }, responder));
    }

    /** Sources longer than the decoder accepts are refused here, before they could fail a shared batch. */
    private void checkSourceTokens(ServedModel served, List<String> inputs) {
        int max = scheduler.policy().maxSourceTokens();
        for (int i = 0; i < inputs.size(); i++) {
            int n = served.model().sourceTokens(inputs.get(i)).size();
            if (n > max) {
                throw ApiException.limit("max_input_chars", "inputs[" + i + "] has " + n
                        + " tokens; this server decodes at most " + max + " (max_input_chars)");
            }
        }
    }

    private void respond(Context ctx, TranslateRequest req, List<CompletableFuture<List<Translation>>> parts,
                         Throwable failure, long timeoutMillis) {
        if (failure == null) {
            List<List<Translation>> results = new ArrayList<>(parts.size());
            for (CompletableFuture<List<Translation>> p : parts) {
                results.add(p.join());
            }
            byte[] body = ApiJson.write(TranslateResponse.of(req.model(), req.inputs(), results));
            ctx.status(200).contentType(ErrorResponses.JSON).result(body);
            return;
        }
        for (CompletableFuture<List<Translation>> p : parts) {
            p.cancel(false); // queued sentences of this request are dropped, not decoded
        }
        Throwable cause = unwrap(failure);
        ApiException answer;
        if (cause instanceof TimeoutException) {
            answer = ApiException.timeout(timeoutMillis);
        } else if (cause instanceof SchedulerClosedException) {
            answer = ApiException.shuttingDown();
        } else if (cause instanceof InputException) {
            answer = ApiException.badRequest(cause.getMessage());
        } else {
            LOG.error("decoding failed for a request to model {}", req.model(), cause);
            answer = ApiException.internal("decoding failed (" + cause.getClass().getSimpleName()
                    + "); the server log has the details");
        }
        errors.write(ctx, answer);
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
