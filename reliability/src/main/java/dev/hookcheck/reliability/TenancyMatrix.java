package dev.hookcheck.reliability;

import dev.hookcheck.reliability.OpenApi.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Every route of the provider APIs, called for the default organization's resources by someone who
 * may not see them: no key, a malformed {@code Authorization}, another organization's key, another
 * profile's key, a Dfns change without its user action. Each must be a 401 or 404 in the dialect's
 * shape (or, for a list or a create, the caller's own data only); no answer may carry anything of the
 * default organization, and its resources must read back unchanged.
 */
final class TenancyMatrix {
    /** What the matrix found. */
    record Result(int cases, int operations, int violations, List<String> examples, boolean ownDataIntact) {}

    private static final List<String> MALFORMED = List.of("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer a b",
            "Token " + Sandbox.KEY, "bearer\t", "Bearer \u00e9t\u00e9", "Bearer " + "k".repeat(2048), "Bearer " + Sandbox.KEY + "x");

    private final Sandbox sandbox;
    private final Wire wire;
    private final Verdicts verdicts = new Verdicts();

    TenancyMatrix(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.wire = new Wire(sandbox.baseUrl());
    }

    Result run(String sink) {
        Targets targets = Targets.create(sandbox, sink, verdicts);
        List<Operation> operations = OpenApi.operations(sandbox.admin("GET", "/__admin/openapi.json", null).expect(200))
                .stream().filter(op -> !op.dialect().equals("admin")).toList();
        Set<String> mine = ownIdentifiers(targets);
        Map<String, String> before = snapshot(targets);
        int cases = 0;
        int violations = 0;
        List<String> examples = new ArrayList<>();
        for (Operation op : operations) {
            String profile = switch (op.dialect()) {
                case "vitable" -> "vitable";
                case "dfns" -> "dfns";
                default -> "preo";
            };
            String otherOrganization = sandbox.otherKey(profile);
            String otherProfile = sandbox.otherKey(profile.equals("vitable") ? "dfns" : "vitable");
            List<String[]> callers = new ArrayList<>();
            callers.add(new String[] {"no key", null});
            MALFORMED.forEach(m -> callers.add(new String[] {"malformed Authorization", m}));
            callers.add(new String[] {"another organization's key", "Bearer " + otherOrganization});
            callers.add(new String[] {"another profile's key", "Bearer " + otherProfile});
            if (op.security().contains("dfnsUserAction")) {
                callers.add(new String[] {"no user action", "Bearer " + Sandbox.KEY});
            }
            for (String[] caller : callers) {
                cases++;
                String problem = judge(op, caller[0], caller[1], targets, mine);
                if (problem != null) {
                    violations++;
                    if (examples.size() < 20) {
                        examples.add(op + " with " + caller[0] + ": " + problem);
                    }
                }
            }
        }
        boolean intact = snapshot(targets).equals(before);
        return new Result(cases, operations.size(), violations, List.copyOf(examples), intact);
    }

    /** Why the answer is wrong, or null when it is right. */
    private String judge(Operation op, String caller, String authorization, Targets targets, Set<String> mine) {
        boolean ownKeyWithoutUserAction = caller.equals("no user action");
        StringBuilder head = new StringBuilder(op.method()).append(' ').append(targets.path(op)).append(" HTTP/1.1\r\n")
                .append("Host: ").append(wire.hostHeader()).append("\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (op.security().contains("dfnsUserAction") && !ownKeyWithoutUserAction) {
            head.append("X-DFNS-USERACTION: tenancy\r\n");
        }
        byte[] body = new byte[0];
        if (op.body() != null) {
            JsonNode example = OpenApi.example(op.body(), OpenApi.SCHEMA_PREFIX, 0);
            if (example instanceof tools.jackson.databind.node.ObjectNode object && object.has("url")) {
                object.put("url", "http://127.0.0.1:9/never");
            }
            body = example.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        Wire.Request request = new Wire.Request(head.toString(), body);
        Wire.Answer answer = wire.send(request);
        for (String id : mine) {
            // an id the caller sent may come back in its own 404 ("Webhook … not found"): that tells it nothing
            if (answer.body().contains(id) && !request.target().contains(id)) {
                return "the answer (" + answer.status() + ") carries the default organization's " + id;
            }
        }
        List<Verdicts.Finding> findings = verdicts.judge(op.dialect(), op.method(), answer, Fuzzer.showsSecret(op));
        if (!findings.isEmpty()) {
            return findings.get(0).kind() + " " + findings.get(0).detail();
        }
        boolean names = !op.in("path").isEmpty();
        // a route naming the default organization's resource is a 404 for another organization; a list or
        // a create answers the caller with its own data (checked above), or refuses what it sent
        boolean allowed = switch (caller) {
            case "another organization's key" -> names ? answer.status() == 404 : answer.status() != 401;
            default -> answer.status() == 401;
        };
        return allowed ? null : "expected " + (caller.equals("another organization's key") ? names ? "404" : "its own data"
                : "401") + ", got " + answer.status() + " " + Verdicts.cut(answer.body());
    }

    /** Identifiers only the default organizations' data carries. */
    private Set<String> ownIdentifiers(Targets targets) {
        Set<String> ids = new LinkedHashSet<>();
        targets.ids().forEach((name, id) -> {
            if (!name.startsWith("admin") && !name.equals("failure")) {
                ids.add(id);
            }
        });
        for (String profile : List.of("vitable", "dfns", "preo")) {
            ids.add(sandbox.organization(profile));
        }
        for (JsonNode event : sandbox.provider("GET", "/v1/webhook-events?limit=20", Sandbox.KEY, null).expect(200).get("data")) {
            ids.add(event.get("id").asString());
        }
        return ids;
    }

    private Map<String, String> snapshot(Targets targets) {
        return Map.of(
                "dfns", sandbox.provider("GET", "/webhooks/" + targets.ids().get("dfns-webhook"), Sandbox.KEY, null).body(),
                "preo", sandbox.provider("GET", "/api/management/webhooks/" + targets.ids().get("preo-endpoint") + "/", Sandbox.KEY,
                        null).body(),
                "vitable", sandbox.provider("GET", "/v1/webhook-events?limit=100", Sandbox.KEY, null).body());
    }
}
