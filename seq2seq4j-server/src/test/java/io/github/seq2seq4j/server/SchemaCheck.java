package io.github.seq2seq4j.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks a JSON value against the subset of OpenAPI 3.0 schemas docs/openapi.yaml uses: $ref,
 * type (object, array, string, integer, number, boolean), nullable, properties, required,
 * additionalProperties false, items, enum, minimum, maximum and minItems. Returns every mismatch
 * with its JSON path, so that a test can show what differs between the documentation and the
 * server.
 */
final class SchemaCheck {
    private final JsonNode spec;
    private final List<String> problems = new ArrayList<>();

    private SchemaCheck(JsonNode spec) {
        this.spec = spec;
    }

    static List<String> check(JsonNode spec, String ref, JsonNode value) {
        SchemaCheck c = new SchemaCheck(spec);
        c.check(c.resolve(ref), value, "$");
        return c.problems;
    }

    private JsonNode resolve(String ref) {
        JsonNode n = spec;
        for (String part : ref.substring(2).split("/")) {
            n = n.get(part);
            if (n == null) {
                throw new IllegalArgumentException("no " + ref + " in the spec");
            }
        }
        return n;
    }

    private void check(JsonNode schema, JsonNode value, String path) {
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").asText()), value, path);
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(path + ": null but not nullable");
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> object(schema, value, path);
            case "array" -> array(schema, value, path);
            case "string" -> expect(value.isTextual(), path, "a string", value);
            case "integer" -> expect(value.isIntegralNumber(), path, "an integer", value);
            case "number" -> expect(value.isNumber(), path, "a number", value);
            case "boolean" -> expect(value.isBoolean(), path, "a boolean", value);
            default -> problems.add(path + ": schema without a type");
        }
        if (schema.has("enum")) {
            Set<String> allowed = new HashSet<>();
            schema.get("enum").forEach(e -> allowed.add(e.asText()));
            if (!allowed.contains(value.asText())) {
                problems.add(path + ": '" + value.asText() + "' is not one of " + allowed);
            }
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            problems.add(path + ": below the minimum");
        }
        if (schema.has("maximum") && value.isNumber() && value.asDouble() > schema.get("maximum").asDouble()) {
            problems.add(path + ": above the maximum");
        }
    }

    private void object(JsonNode schema, JsonNode value, String path) {
        if (!value.isObject()) {
            problems.add(path + ": expected an object, got " + value.getNodeType());
            return;
        }
        JsonNode props = schema.path("properties");
        for (JsonNode r : schema.path("required")) {
            if (!value.has(r.asText())) {
                problems.add(path + ": missing required '" + r.asText() + "'");
            }
        }
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (props.has(f)) {
                check(props.get(f), value.get(f), path + "." + f);
            } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean(true)) {
                problems.add(path + ": '" + f + "' is not in the documented schema");
            }
        }
    }

    private void array(JsonNode schema, JsonNode value, String path) {
        if (!value.isArray()) {
            problems.add(path + ": expected an array, got " + value.getNodeType());
            return;
        }
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            problems.add(path + ": fewer than " + schema.get("minItems").asInt() + " items");
        }
        for (int i = 0; i < value.size(); i++) {
            check(schema.get("items"), value.get(i), path + "[" + i + "]");
        }
    }

    private void expect(boolean ok, String path, String what, JsonNode value) {
        if (!ok) {
            problems.add(path + ": expected " + what + ", got " + value.getNodeType());
        }
    }
}
