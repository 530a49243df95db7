package io.github.seq2seq4j.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every error response: {@code {"error": {"status": 400, "code": "...", "message": "...",
 * "limit": "..."}}}; {@code limit} appears only when a limit was exceeded.
 */
public record ErrorBody(Detail error) {
    /** The error's fields. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(int status, String code, String message, String limit) {}
}
