package dev.hookcheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.reference.Flaw;
import dev.hookcheck.conformance.reference.ReferenceReceiver;
import dev.hookcheck.conformance.reference.Secrets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A result holds exactly what one entry of the CLI's report.json "checks" list needs. */
class ReportShapeTest {
    private static final JsonMapper JSON = JsonMapper.shared();

    static ObjectNode entry(CheckResult result) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("id", result.id());
        entry.put("title", result.title());
        entry.put("category", result.category().code());
        entry.put("level", result.level().code());
        entry.put("outcome", result.outcome().code());
        entry.put("message", result.message());
        entry.put("hint", result.hint());
        entry.put("durationMs", result.durationMs());
        entry.set("evidence", result.evidence() == null ? null : JSON.valueToTree(result.evidence()));
        return entry;
    }

    @Test
    void everyResultMapsOntoAReportEntry() {
        try (ReferenceReceiver app = Flaw.NO_VERIFICATION.receiver("github").start()) {
            List<CheckResult> results = Conformance.run(Receiver.of(app.url().toString(), "github",
                    Secrets.of("github")));
            ArrayNode checks = JSON.createArrayNode();
            results.forEach(r -> checks.add(entry(r)));

            assertThat(checks).allSatisfy(entry -> assertThat(entry.propertyNames()).containsExactly("id", "title",
                    "category", "level", "outcome", "message", "hint", "durationMs", "evidence"));
            assertThat(checks).extracting(e -> e.get("outcome").asString()).contains("passed", "failed", "skipped");
            ObjectNode failed = (ObjectNode) checks.get(1); // SIG-002, accepted although unsigned
            assertThat(failed.get("level").asString()).isEqualTo("required");
            assertThat(failed.at("/evidence/request/method").asString()).isEqualTo("POST");
            assertThat(failed.at("/evidence/request/headers/X-GitHub-Event").asString()).isNotEmpty();
            assertThat(failed.at("/evidence/response/status").asInt()).isEqualTo(200);
        }
    }
}
