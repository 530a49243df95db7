package io.github.seq2seq4j.server.http;

import java.util.Set;

/** The server's paths, and the route label metrics use for a request path. */
public final class Routes {
    public static final String PAGE = "/";
    public static final String SCRIPT = "/app.js";
    public static final String STYLE = "/style.css";
    public static final String HEALTH = "/health";
    public static final String METRICS = "/metrics";
    public static final String MODELS = "/v1/models";
    public static final String TRANSLATE = "/v1/translate";
    /** The label of every path that is not a route (so that scans cannot grow the metrics). */
    public static final String OTHER = "other";

    private static final Set<String> ALL = Set.of(PAGE, SCRIPT, STYLE, HEALTH, METRICS, MODELS, TRANSLATE);

    private Routes() {}

    /** The path itself for a route, {@link #OTHER} for anything else. */
    public static String label(String path) {
        return path != null && ALL.contains(path) ? path : OTHER;
    }
}
