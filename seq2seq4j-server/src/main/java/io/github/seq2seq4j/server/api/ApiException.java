package io.github.seq2seq4j.server.api;

/**
 * A request the server answers with a JSON error instead of a result: an HTTP status, a stable
 * machine-readable code, a message for people and, when a configured limit was exceeded, the
 * limit's name (as in the server's flags, with underscores).
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String limit;

    public ApiException(int status, String code, String message, String limit) {
        super(message, null, false, false); // no stack trace: this is an answer, not a bug
        this.status = status;
        this.code = code;
        this.limit = limit;
    }

    /** 400: the request is wrong in a way the message explains. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message, null);
    }

    /** 400: a value is beyond one of the server's limits (413 for the body size). */
    public static ApiException limit(String limit, String message) {
        return new ApiException(limit.equals("max_body_bytes") ? 413 : 400, "limit_exceeded", message, limit);
    }

    /** 400: the request names a model this server does not have. */
    public static ApiException unknownModel(String message) {
        return new ApiException(400, "unknown_model", message, null);
    }

    /** 503: the request ran past the time limit and was cancelled. */
    public static ApiException timeout(long millis) {
        return new ApiException(503, "timeout", "the request took longer than the " + millis
                + " ms limit and was cancelled", "request_timeout_ms");
    }

    /** 503: the decoding queue is full. */
    public static ApiException overloaded(String message) {
        return new ApiException(503, "overloaded", message, "max_queued");
    }

    /** 503: the server is shutting down. */
    public static ApiException shuttingDown() {
        return new ApiException(503, "shutting_down", "the server is shutting down and takes no new requests", null);
    }

    /** 500: a failure the server did not expect; details go to the log, not to the client. */
    public static ApiException internal(String message) {
        return new ApiException(500, "internal", message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The limit's name, or null. */
    public String limit() {
        return limit;
    }

    /** The JSON body: {@code {"error": {"status", "code", "message", "limit"?}}}. */
    public ErrorBody body() {
        return new ErrorBody(new ErrorBody.Detail(status, code, getMessage(), limit));
    }
}
