package dev.hookcheck.reliability;

import dev.hookcheck.reliability.OpenApi.Operation;
import dev.hookcheck.reliability.OpenApi.Parameter;
import dev.hookcheck.reliability.Verdicts.Finding;
import dev.hookcheck.reliability.Verdicts.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests generated from the server's own OpenAPI document, every operation crossed with every
 * mutation class, in a deterministic order from a seed: each answer is judged ({@link Verdicts}), and
 * afterwards the server must be healthy and data stored before the run (a canary in another
 * organization) unchanged.
 */
final class Fuzzer {
    /** How a request is spoiled. */
    enum Mutation {
        BASELINE, WRONG_TYPE, MISSING_FIELD, EXTRA_FIELD, HUGE_STRING, DEEP_NESTING, VERY_DEEP_NESTING, HUGE_NUMBER,
        NUL_IN_STRING, INVALID_UTF8_BODY, TWO_DOCUMENTS, NOT_AN_OBJECT, EMPTY_BODY, BOGUS_CHARSET, TEXT_PLAIN,
        NUL_IN_PATH, INVALID_UTF8_PATH, BAD_PERCENT_PATH, LONG_PATH_PARAMETER, URL_9KB, URL_1MB, HEADER_20KB,
        BAD_QUERY_VALUE, BAD_QUERY_ENCODING, REPEATED_PARAMETER, METHOD_OVERRIDE, WRONG_METHOD, UNKNOWN_ROUTE,
        CROSS_SITE, FORGED_HOST, BAD_AUTHORIZATION, HEAD;

        boolean spoilsTheBody() {
            return switch (this) {
                case WRONG_TYPE, MISSING_FIELD, EXTRA_FIELD, HUGE_STRING, DEEP_NESTING, VERY_DEEP_NESTING, HUGE_NUMBER,
                        NUL_IN_STRING, INVALID_UTF8_BODY, TWO_DOCUMENTS, NOT_AN_OBJECT, EMPTY_BODY, BOGUS_CHARSET,
                        TEXT_PLAIN -> true;
                default -> false;
            };
        }

        /** Refused before any route runs, whatever the route: safe even on {@code POST /__admin/reset}. */
        boolean refusedBeforeRoute() {
            return switch (this) {
                case NUL_IN_PATH, INVALID_UTF8_PATH, BAD_PERCENT_PATH, URL_9KB, URL_1MB, HEADER_20KB, BAD_QUERY_ENCODING,
                        METHOD_OVERRIDE, CROSS_SITE, FORGED_HOST, TEXT_PLAIN, UNKNOWN_ROUTE, WRONG_METHOD -> true;
                default -> false;
            };
        }
    }

    /** What a run found. */
    record Result(int requests, int planned, Map<Mutation, Integer> perMutation, int operations, int serverErrors, int shapeViolations,
            int leaks, Map<Kind, Integer> kinds, List<String> examples, boolean healthy, boolean canaryIntact,
            List<String> canaryProblems, int logLeaks, Duration took) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "1" + "0".repeat(400);
    /** As many as there are full-run passes, so that every operation meets each of them. */
    private static final List<String> HUGE_NUMBERS = List.of(HUGE, "-" + HUGE, "1e400", "-1e400", "1" + "0".repeat(90),
            "9".repeat(150), "1.5");

    /** {@code RELIABILITY_TRACE=PUT /api} prints every request of the operations that contain it, and its answer. */
    private static final String TRACE = System.getenv("RELIABILITY_TRACE");

    private final Sandbox sandbox;
    private final Wire wire;
    private final String sink;
    private final Verdicts verdicts = new Verdicts();
    private final SplittableRandom random;
    /** Which of a mutation's variants this request takes (the field it spoils, the value it puts): pass + operation. */
    private int variant;

    Fuzzer(Sandbox sandbox, String sinkUrl, long seed) {
        this.sandbox = sandbox;
        this.wire = new Wire(sandbox.baseUrl());
        this.sink = sinkUrl;
        this.random = new SplittableRandom(seed);
    }

    /** Sends every operation with every mutation {@code passes} times (each pass with other random choices). */
    Result run(int passes, Duration budget) {
        long start = System.nanoTime();
        List<Operation> operations = OpenApi.operations(sandbox.admin("GET", "/__admin/openapi.json", null).expect(200));
        Canary canary = Canary.plant(sandbox, verdicts);
        Targets targets = Targets.create(sandbox, sink, verdicts);
        Map<Mutation, Integer> perMutation = new EnumMap<>(Mutation.class);
        // one example per kind of finding: what was found, with which operation and which mutation
        Map<String, String> firstOfKind = new LinkedHashMap<>();
        int serverErrors = 0;
        int shape = 0;
        int leaks = 0;
        int sent = 0;
        Mutation[] mutations = Mutation.values();
        long deadline = start + budget.toNanos();
        int count = passes * operations.size() * mutations.length;
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            // round k sends every operation once, operation j with mutation j + k: after as many rounds as
            // there are mutations, every operation has met every mutation once (a pass)
            int j = i % operations.size();
            Operation op = operations.get(j);
            Mutation mutation = mutations[(j + i / operations.size()) % mutations.length];
            variant = i / (operations.size() * mutations.length) + j;
            if (isReset(op) && !mutation.refusedBeforeRoute()) {
                mutation = Mutation.METHOD_OVERRIDE;
            }
            Wire.Request request = build(op, mutation, targets);
            Wire.Answer answer = wire.send(request);
            sent++;
            if (answer.status() == 204 || request.method().equals("DELETE") && answer.status() / 100 == 2) {
                targets.replaceDeleted(op); // deleted (a server that honours a method override deletes on a GET)
            }
            if (TRACE != null && op.toString().contains(TRACE)) {
                System.err.println("trace " + mutation + " " + Verdicts.cut(request.head()) + " -> " + answer.status() + " "
                        + Verdicts.cut(answer.body()));
            }
            if (answer.millis() > 5000) {
                System.err.println("reliability: slow answer (" + answer.millis() + " ms) to " + mutation + " " + op);
            }
            perMutation.merge(mutation, 1, Integer::sum);
            boolean showsSecret = showsSecret(op) && answer.status() < 300;
            if (showsSecret && answer.body().contains("\"secret\"")) {
                verdicts.knowSecret(OpenApi.JSON.readTree(answer.body()).path("secret").asString(null));
            }
            for (Finding finding : verdicts.judge(op.dialect(), request.method(), answer, showsSecret)) {
                if (finding.kind() == Kind.SERVER_ERROR) {
                    serverErrors++;
                } else if (finding.kind() == Kind.SHAPE) {
                    shape++;
                } else {
                    leaks++;
                }
                firstOfKind.putIfAbsent(finding.kind() + " " + mutation + " " + op, finding.detail());
            }
        }
        sandbox.admin("POST", "/__admin/clock/scale", "{\"scale\":0}").expect(200);
        boolean healthy = sandbox.admin("GET", "/__admin/health", null).status() == 200 && sandbox.serve().alive();
        List<String> canaryProblems = canary.problems(sandbox);
        int logLeaks = 0;
        for (String line : sandbox.serve().output()) {
            if (verdicts.secretIn(line) != null) {
                logLeaks++;
                firstOfKind.putIfAbsent("LEAK in the server's log", Verdicts.cut(line).replaceAll("whsec_\\S+|whs-\\S+", "<secret>"));
            }
        }
        Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
        firstOfKind.keySet().forEach(key -> kinds.merge(Kind.valueOf(key.substring(0, key.indexOf(' '))), 1, Integer::sum));
        List<String> examples = firstOfKind.entrySet().stream()
                .sorted(java.util.Comparator.comparing(e -> !e.getKey().startsWith(Kind.SERVER_ERROR.name())))
                .limit(40).map(e -> e.getKey() + ": " + e.getValue()).toList();
        return new Result(sent, count, perMutation, operations.size(), serverErrors, shape, leaks + logLeaks, kinds, examples,
                healthy, canaryProblems.isEmpty(), canaryProblems, logLeaks, Duration.ofNanos(System.nanoTime() - start));
    }

    private static boolean isReset(Operation op) {
        return op.path().equals("/__admin/reset");
    }

    /** The answers that show a secret once, as the providers' APIs do: create and rotate-secret. */
    static boolean showsSecret(Operation op) {
        return op.method().equals("POST") && (op.path().endsWith("/rotate-secret") || op.path().endsWith("/rotate-secret/")
                || op.path().equals("/__admin/endpoints") || op.path().equals("/webhooks")
                || op.path().equals("/api/management/webhooks/"));
    }

    // ---- building a request

    private Wire.Request build(Operation op, Mutation mutation, Targets targets) {
        String method = op.method();
        String path = op.path();
        for (Parameter p : op.in("path")) {
            String value = targets.forPath(op, p.name());
            value = switch (mutation) {
                case NUL_IN_PATH -> value + "%00";
                case INVALID_UTF8_PATH -> value + "%C3%28";
                case BAD_PERCENT_PATH -> value + "%zz";
                case LONG_PATH_PARAMETER -> "p".repeat(2048);
                default -> value;
            };
            path = path.replace("{" + p.name() + "}", value);
        }
        if (op.in("path").isEmpty()) {
            // a segment of its own: /webhooks%00 would be no path of the Dfns API, /webhooks/%00 is
            String end = path.endsWith("/") ? "" : "/";
            path = switch (mutation) {
                case NUL_IN_PATH -> path + end + "%00";
                case INVALID_UTF8_PATH -> path + end + "%C3%28";
                case BAD_PERCENT_PATH -> path + end + "%zz";
                default -> path;
            };
        }
        if (mutation == Mutation.UNKNOWN_ROUTE) {
            path = path + (path.endsWith("/") ? "" : "/") + "no-such-route";
        }
        if (mutation == Mutation.URL_1MB) {
            path = path + (path.endsWith("/") ? "" : "/") + "u".repeat(1024 * 1024);
        }
        String query = query(op, mutation);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", mutation == Mutation.FORGED_HOST ? "evil.example" : wire.hostHeader());
        if (!op.security().isEmpty()) {
            headers.put("Authorization", switch (mutation) {
                case BAD_AUTHORIZATION -> List.of("Bearer", "Basic Zm9vOmJhcg==", "Bearer a b", "Bearer " + "k".repeat(4000),
                        "Bearer wrong-key").get(Math.floorMod(variant, 5));
                default -> "Bearer " + Sandbox.KEY;
            });
            if (op.security().contains("dfnsUserAction")) {
                headers.put("X-DFNS-USERACTION", "fuzz");
            }
        } else if (mutation == Mutation.BAD_AUTHORIZATION) {
            headers.put("Authorization", "Bearer not-the-admin-token");
        }
        switch (mutation) {
            case METHOD_OVERRIDE -> headers.put("X-HTTP-Method-Override", "DELETE");
            case HEADER_20KB -> headers.put("X-Padding", "p".repeat(20 * 1024));
            case CROSS_SITE -> {
                headers.put("Origin", "https://evil.example");
                headers.put("Sec-Fetch-Site", "cross-site");
            }
            default -> {
            }
        }
        if (mutation == Mutation.WRONG_METHOD) {
            String own = method;
            method = pick(Stream.of("PATCH", "PUT", "DELETE", "POST", "GET", "OPTIONS", "TRACE", "PROPFIND")
                    .filter(m -> !m.equals(own)).toList());
        }
        if (mutation == Mutation.HEAD) {
            method = "HEAD";
        }
        byte[] body = body(op, mutation);
        if (body.length > 0 || op.body() != null) {
            headers.put("Content-Type", switch (mutation) {
                case BOGUS_CHARSET -> "application/json; charset=bogus";
                case TEXT_PLAIN -> "text/plain";
                default -> "application/json";
            });
            headers.put("Content-Length", Integer.toString(body.length));
        }
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(query).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return new Wire.Request(head.toString(), body);
    }

    private String query(Operation op, Mutation mutation) {
        List<String> pairs = new ArrayList<>();
        List<Parameter> parameters = op.in("query");
        for (Parameter p : parameters) {
            if (p.name().equals("timeoutMs")) {
                pairs.add("timeoutMs=0"); // an await must not hold the run
            } else if (random.nextInt(3) == 0) {
                JsonNode value = OpenApi.example(p.schema(), OpenApi.SCHEMA_PREFIX, 0);
                pairs.add(p.name() + "=" + (value.isString() ? encode(value.asString()) : value.toString()));
            }
        }
        String name = parameters.isEmpty() ? "limit" : pick(parameters).name();
        switch (mutation) {
            case BAD_QUERY_VALUE -> pairs.add(name + "=" + List.of("-1", "0", "abc", "1e999", "99999999999999999999", "true",
                    "%20", "2026-13-45T99:99:99Z", "x".repeat(1000), "%E2%82%AC").get(Math.floorMod(variant / Math.max(1,
                    parameters.size()), 10)));
            case BAD_QUERY_ENCODING -> pairs.add(name + "=" + pick(List.of("%zz", "%C3%28", "%", "%0", "%00")));
            case REPEATED_PARAMETER -> {
                pairs.add(name + "=1");
                pairs.add(name + "=500");
            }
            case URL_9KB -> pairs.add("padding=" + "q".repeat(9 * 1024));
            default -> {
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private byte[] body(Operation op, Mutation mutation) {
        JsonNode baseline = op.body() == null ? NODES.objectNode() : OpenApi.example(op.body(), OpenApi.SCHEMA_PREFIX, 0);
        if (baseline instanceof ObjectNode object && object.has("url")) {
            object.put("url", sink);
        }
        if (baseline instanceof ObjectNode object && op.path().equals("/__admin/clock/advance")) {
            object.removeAll();
            object.put("seconds", 60); // the run moves the clock, but not by years
        }
        boolean hasBody = op.body() != null;
        switch (mutation) {
            case EMPTY_BODY:
                return new byte[0];
            case NOT_AN_OBJECT:
                return pick(List.of("[]", "\"text\"", "42", "null", "true")).getBytes(StandardCharsets.UTF_8);
            case TWO_DOCUMENTS:
                return (baseline.toString() + baseline).getBytes(StandardCharsets.UTF_8);
            case VERY_DEEP_NESTING:
                return ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            case INVALID_UTF8_BODY: {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] json = baseline.toString().getBytes(StandardCharsets.UTF_8);
                bytes.write(json, 0, Math.max(1, json.length - 1));
                bytes.writeBytes(new byte[] {',', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'});
                return bytes.toByteArray();
            }
            case HUGE_NUMBER:
                return withField(baseline, pick(HUGE_NUMBERS)).getBytes(StandardCharsets.UTF_8);
            default:
                break;
        }
        if (baseline instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.propertyNames().forEach(fields::add);
            String field = fields.isEmpty() ? "fuzz" : pick(fields);
            switch (mutation) {
                case WRONG_TYPE -> object.set(field, List.<JsonNode>of(NODES.numberNode(7), NODES.stringNode("7"), NODES.booleanNode(false),
                        NODES.arrayNode(), NODES.objectNode(), NODES.nullNode()).get(Math.floorMod(variant / Math.max(1, fields.size()), 6)));
                case MISSING_FIELD -> {
                    if (variant % 2 == 0) {
                        object.remove(field);
                    } else {
                        object.removeAll();
                    }
                }
                case EXTRA_FIELD -> object.put("fuzzExtra", "surprise");
                case HUGE_STRING -> object.put(field, "s".repeat(900 * 1024));
                case DEEP_NESTING -> {
                    JsonNode nested = NODES.stringNode("deep");
                    for (int i = 0; i < 70; i++) {
                        ArrayNode wrap = NODES.arrayNode();
                        wrap.add(nested);
                        nested = wrap;
                    }
                    object.set(field, nested);
                }
                case NUL_IN_STRING -> object.put(field, "a\u0000b");
                default -> {
                }
            }
        }
        // an operation without a body is sent one only to spoil it: a route must survive a body it ignores
        return hasBody || mutation.spoilsTheBody() ? baseline.toString().getBytes(StandardCharsets.UTF_8) : new byte[0];
    }

    private <T> T pick(List<T> choices) {
        return choices.get(Math.floorMod(variant, choices.size()));
    }

    /** The baseline with one field (or a new one) set to {@code number} as written, which no JsonNode holds. */
    private String withField(JsonNode baseline, String number) {
        if (baseline instanceof ObjectNode object && !object.isEmpty()) {
            List<String> fields = new ArrayList<>();
            object.propertyNames().forEach(fields::add);
            String field = pick(fields);
            object.put(field, "__NUMBER__");
            return object.toString().replace("\"__NUMBER__\"", number);
        }
        return "{\"n\":" + number + "}";
    }
}
