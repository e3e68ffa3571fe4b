package dev.hookcheck.reliability;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Judges one answer: a 5xx; an error body outside its dialect's published error schema (or not
 * JSON, or no answer at all); a leak (a library's or a class's name in an error, a signing secret
 * anywhere it should not be).
 */
final class Verdicts {
    /** What was wrong with one answer. */
    record Finding(Kind kind, String detail) {}

    enum Kind {
        SERVER_ERROR, SHAPE, LEAK
    }

    /** Names that mean a library's text or a class name reached the client (literal alternatives: linear time). */
    static final Pattern LIBRARY = Pattern.compile("(?i)\\bjetty\\b|javalin|jackson|\\bjava\\.[a-z]|tools\\.jackson|org\\.eclipse|"
            + "io\\.javalin|dev\\.hookcheck\\.|<html|StreamReadConstraints|JsonToken|DeserializationFeature|JsonReadFeature|"
            + "badMessage|(?-i:(?<=[a-z])Exception\\b)");
    /** An error body longer than this echoes what it was sent. */
    static final int MAX_ERROR_BODY = 8 * 1024;

    /** The shapes of the sandbox's signing secrets ({@code whsec_…}, {@code vitable_whsec_…}, {@code whs-…}). */
    static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]{16,}|whs-[A-Za-z0-9]{16,}");

    private static final Map<String, List<String>> ERROR_SCHEMAS = Map.of(
            "admin", List.of("admin/error.schema.json"),
            "vitable", List.of("vitable/error.schema.json"),
            "dfns", List.of("dfns/error.schema.json"),
            "preo", List.of("preo/error.schema.json", "preo/validation-error.schema.json"));
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(r -> r.mapPrefix(OpenApi.SCHEMA_PREFIX, "classpath:hookcheck/json/")));
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** A secret the harness saw made: it must not appear in any other answer. */
    void knowSecret(String secret) {
        if (secret != null && !secret.isEmpty()) {
            secrets.add(secret);
        }
    }

    /**
     * @param dialect whose error shape applies
     * @param mayShowSecret the answer is one that shows a new secret (create, rotate-secret)
     */
    List<Finding> judge(String dialect, String method, Wire.Answer answer, boolean mayShowSecret) {
        List<Finding> findings = new ArrayList<>();
        if (answer.status() == 0) {
            findings.add(new Finding(Kind.SHAPE, "no answer (" + answer.body() + ")"));
            return findings;
        }
        if (answer.status() >= 500) {
            findings.add(new Finding(Kind.SERVER_ERROR, answer.status() + " " + cut(answer.body())));
        }
        boolean error = answer.status() >= 400;
        if (error && !method.equals("HEAD")) {
            String shape = shapeProblem(dialect, answer);
            if (shape != null) {
                findings.add(new Finding(Kind.SHAPE, answer.status() + " " + shape));
            }
        }
        if (error && answer.body().length() > MAX_ERROR_BODY) {
            findings.add(new Finding(Kind.LEAK, "a " + answer.body().length() + "-character error body echoes the request: "
                    + cut(answer.body())));
        }
        if (error) {
            String headers = String.join("\n", answer.headers().values());
            String body = answer.body().length() > 65536 ? answer.body().substring(0, 65536) : answer.body();
            var library = LIBRARY.matcher(body + "\n" + headers);
            if (library.find()) {
                findings.add(new Finding(Kind.LEAK, "'" + library.group() + "' in " + answer.status() + " " + cut(answer.body())));
            }
        }
        if (!mayShowSecret) {
            String leaked = secretIn(answer.body());
            if (leaked != null) {
                findings.add(new Finding(Kind.LEAK, "a signing secret (" + leaked.substring(0, 8) + "…) in a "
                        + answer.status() + " answer"));
            }
        }
        return findings;
    }

    /** A signing secret in {@code text}, known or by its shape; null when none. */
    String secretIn(String text) {
        for (String secret : secrets) {
            if (text.contains(secret)) {
                return secret;
            }
        }
        var shaped = SECRET.matcher(text);
        return shaped.find() ? shaped.group() : null;
    }

    /** Why the error body is not in the dialect's shape, or null when it is. */
    static String shapeProblem(String dialect, Wire.Answer answer) {
        if (!answer.contentType().startsWith("application/json")) {
            return "Content-Type " + answer.contentType() + ": " + cut(answer.body());
        }
        String first = null;
        for (String file : ERROR_SCHEMAS.getOrDefault(dialect, ERROR_SCHEMAS.get("admin"))) {
            Schema schema = CACHE.computeIfAbsent(file, f -> REGISTRY.getSchema(SchemaLocation.of(OpenApi.SCHEMA_PREFIX + f)));
            List<com.networknt.schema.Error> errors;
            try {
                errors = schema.validate(answer.body(), InputFormat.JSON);
            } catch (RuntimeException notJson) {
                return "not JSON: " + cut(answer.body());
            }
            if (errors.isEmpty()) {
                return null;
            }
            if (first == null) {
                first = "outside " + file + " (" + errors.get(0).getMessage() + "): " + cut(answer.body());
            }
        }
        return first;
    }

    static String cut(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
