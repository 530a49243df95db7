package io.github.seq2seq4j.server.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code POST /v1/translate} body and checks every field against its type, its range and
 * the server's {@link Limits}. Each failure is an {@link ApiException} whose message names the
 * field (and the limit, when one was exceeded). Explicit JSON {@code null} means "use the default".
 */
public final class TranslateRequestParser {
    /** The default beam size when the server allows it. */
    public static final int DEFAULT_BEAM = 5;
    /** The largest length-penalty exponent accepted. */
    public static final double MAX_ALPHA = 10.0;

    private static final Set<String> FIELDS = Set.of("model", "inputs", "beam", "nbest", "alpha", "attention");
    private static final String FIELD_LIST = "model, inputs, beam, nbest, alpha, attention";

    private final Limits limits;
    private final List<String> models;

    /**
     * @param limits what a request may ask for
     * @param models the served model names; the first is the default
     */
    public TranslateRequestParser(Limits limits, List<String> models) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no models");
        }
        this.limits = limits;
        this.models = List.copyOf(models);
    }

    /** Parses and validates a UTF-8 JSON body. */
    public TranslateRequest parse(byte[] body) {
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw ApiException.badRequest("the request body must be a JSON object, got " + kind(root));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw ApiException.badRequest("unknown field '" + f + "' (the fields are: " + FIELD_LIST + ")");
            }
        }
        String model = model(root.get("model"));
        List<String> inputs = inputs(root.get("inputs"));
        int beam = integer(root.get("beam"), "beam", Math.min(DEFAULT_BEAM, limits.maxBeam()));
        if (beam < 1) {
            throw ApiException.badRequest("'beam' must be at least 1, got " + beam);
        }
        if (beam > limits.maxBeam()) {
            throw ApiException.limit("max_beam", "'beam' is " + beam + "; this server allows at most " + limits.maxBeam()
                    + " (max_beam)");
        }
        int nbest = integer(root.get("nbest"), "nbest", 1);
        if (nbest < 1) {
            throw ApiException.badRequest("'nbest' must be at least 1, got " + nbest);
        }
        if (nbest > limits.maxNbest()) {
            throw ApiException.limit("max_nbest", "'nbest' is " + nbest + "; this server allows at most "
                    + limits.maxNbest() + " (max_nbest)");
        }
        if (nbest > beam) {
            throw ApiException.badRequest("'nbest' (" + nbest + ") cannot exceed 'beam' (" + beam + ")");
        }
        double alpha = number(root.get("alpha"), "alpha", 1.0);
        if (alpha < 0 || alpha > MAX_ALPHA) {
            throw ApiException.badRequest("'alpha' must be between 0 and " + MAX_ALPHA + ", got " + alpha);
        }
        boolean attention = bool(root.get("attention"), "attention", false);
        return new TranslateRequest(model, inputs, beam, nbest, alpha, attention);
    }

    private static JsonNode readTree(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("the request body is empty: send a JSON object such as {\"inputs\": [\"hello\"]}");
        }
        JsonNode root;
        try {
            root = ApiJson.mapper().readTree(body);
        } catch (StreamConstraintsException e) {
            throw ApiException.badRequest("the request body is not acceptable JSON: " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw ApiException.badRequest("the request body is not valid JSON: " + e.getOriginalMessage() + where(e));
        } catch (IOException e) {
            throw ApiException.badRequest("the request body cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw ApiException.badRequest("the request body is empty: send a JSON object such as {\"inputs\": [\"hello\"]}");
        }
        return root;
    }

    private static String where(JacksonException e) {
        JsonLocation loc = e.getLocation();
        return loc == null || loc.getLineNr() < 1 ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    private String model(JsonNode n) {
        if (n == null || n.isNull()) {
            return models.get(0);
        }
        if (!n.isTextual()) {
            throw ApiException.badRequest("'model' must be a string, got " + kind(n));
        }
        if (!models.contains(n.textValue())) {
            throw ApiException.unknownModel("unknown model '" + shorten(n.textValue()) + "'; this server has: "
                    + String.join(", ", models));
        }
        return n.textValue();
    }

    private List<String> inputs(JsonNode n) {
        if (n == null) {
            throw ApiException.badRequest("missing field 'inputs': give an array of strings to translate");
        }
        if (!n.isArray()) {
            throw ApiException.badRequest("'inputs' must be an array of strings, got " + kind(n));
        }
        if (n.isEmpty()) {
            throw ApiException.badRequest("'inputs' is empty: give at least one string to translate");
        }
        if (n.size() > limits.maxInputs()) {
            throw ApiException.limit("max_inputs", "'inputs' has " + n.size() + " items; this server allows at most "
                    + limits.maxInputs() + " per request (max_inputs)");
        }
        List<String> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isTextual()) {
                throw ApiException.badRequest("inputs[" + i + "] must be a string, got " + kind(e));
            }
            String s = e.textValue();
            int chars = s.codePointCount(0, s.length());
            if (chars > limits.maxInputChars()) {
                throw ApiException.limit("max_input_chars", "inputs[" + i + "] has " + chars
                        + " characters; this server allows at most " + limits.maxInputChars() + " (max_input_chars)");
            }
            out.add(s);
        }
        return out;
    }

    private static int integer(JsonNode n, String field, int dflt) {
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isNumber() || !n.canConvertToExactIntegral()) {
            throw ApiException.badRequest("'" + field + "' must be an integer, got " + kind(n));
        }
        if (!n.canConvertToInt()) {
            throw ApiException.badRequest("'" + field + "' is out of range: " + shorten(n.asText()));
        }
        return n.intValue();
    }

    private static double number(JsonNode n, String field, double dflt) {
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isNumber()) {
            throw ApiException.badRequest("'" + field + "' must be a number, got " + kind(n));
        }
        return n.doubleValue();
    }

    private static boolean bool(JsonNode n, String field, boolean dflt) {
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isBoolean()) {
            throw ApiException.badRequest("'" + field + "' must be true or false, got " + kind(n));
        }
        return n.booleanValue();
    }

    /** "a string", "an array", "the number 2.5", ... for messages. */
    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case STRING -> "a string";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BOOLEAN -> n.booleanValue() ? "true" : "false";
            case NULL -> "null";
            case NUMBER -> "the number " + shorten(n.asText());
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Echoes at most 40 characters of user text. */
    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
