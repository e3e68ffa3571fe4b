package dev.hookcheck.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data stored before a hostile run, in each profile's second organization, that nothing in the run
 * names: afterwards every piece must read back exactly as before, through the API that made it.
 */
final class Canary {
    /** Each read (method and path, with the key that may read it) and the body it gave before the run. */
    private final Map<List<String>, String> reads = new LinkedHashMap<>();

    static Canary plant(Sandbox sandbox, Verdicts verdicts) {
        Canary canary = new Canary();
        String standardB = sandbox.otherOrganization("standard");
        var admin = sandbox.admin("POST", "/__admin/endpoints", "{\"profile\":\"standard\",\"organizationId\":\"" + standardB
                + "\",\"url\":\"https://canary.example/hook\",\"name\":\"canary\",\"enabled\":false}").expect(201);
        verdicts.knowSecret(admin.path("secret").asString(null));
        canary.remember(sandbox, "/__admin/endpoints/" + admin.get("id").asString(), null);

        String dfnsKey = sandbox.otherKey("dfns");
        var dfns = sandbox.provider("POST", "/webhooks", dfnsKey, "{\"url\":\"https://canary.example/dfns\",\"events\":[\"*\"],"
                + "\"status\":\"Disabled\",\"description\":\"canary\"}").expect(200);
        verdicts.knowSecret(dfns.path("secret").asString(null));
        canary.remember(sandbox, "/webhooks/" + dfns.get("id").asString(), dfnsKey);

        String preoKey = sandbox.otherKey("preo");
        var preo = sandbox.provider("POST", "/api/management/webhooks/", preoKey, "{\"name\":\"canary\",\"url\":"
                + "\"https://canary.example/preo\",\"events\":[\"order.created\"],\"is_active\":false}").expect(201);
        verdicts.knowSecret(preo.path("secret").asString(null));
        canary.remember(sandbox, "/api/management/webhooks/" + preo.get("id").asString() + "/", preoKey);

        String vitableKey = sandbox.otherKey("vitable");
        canary.remember(sandbox, "/v1/webhook-events?limit=100", vitableKey);
        return canary;
    }

    private void remember(Sandbox sandbox, String path, String key) {
        reads.put(key == null ? List.of(path) : List.of(path, key), read(sandbox, path, key));
    }

    private static String read(Sandbox sandbox, String path, String key) {
        Sandbox.Reply reply = key == null ? sandbox.admin("GET", path, null) : sandbox.provider("GET", path, key, null);
        return reply.status() + " " + reply.body();
    }

    /** What no longer reads back as it did; empty when everything is intact. */
    List<String> problems(Sandbox sandbox) {
        List<String> problems = new ArrayList<>();
        reads.forEach((read, before) -> {
            String now = read(sandbox, read.get(0), read.size() > 1 ? read.get(1) : null);
            if (!now.equals(before)) {
                problems.add("GET " + read.get(0) + " changed: was " + Verdicts.cut(before) + ", now " + Verdicts.cut(now));
            }
        });
        return problems;
    }
}
