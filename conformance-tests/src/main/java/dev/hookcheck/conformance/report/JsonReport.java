package dev.hookcheck.conformance.report;

import dev.hookcheck.conformance.CheckResult;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code report.json}: the CLI contract's shape, field for field. */
final class JsonReport {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonReport() {}

    static String render(Report report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("profile", report.profile());
        root.put("target", report.target());
        root.put("startedAt", report.startedAt().toString());
        root.put("durationMs", report.durationMs());
        Report.Summary summary = report.summary();
        ObjectNode counts = root.putObject("summary");
        counts.put("passed", summary.passed());
        counts.put("failed", summary.failed());
        counts.put("skipped", summary.skipped());
        counts.put("notVerified", summary.notVerified());
        ArrayNode notVerified = root.putArray("notVerified");
        report.notVerified().forEach(result -> notVerified.add(result.id()));
        if (!report.notVerified().isEmpty()) {
            root.put("howToVerify", Report.HOW_TO_VERIFY);
        }
        report.stopped().ifPresent(reason -> root.put("stopped", reason));
        ArrayNode checks = root.putArray("checks");
        report.checks().forEach(result -> checks.add(entry(result)));
        return JSON.writeValueAsString(root) + "\n";
    }

    private static ObjectNode entry(CheckResult result) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("id", result.id());
        entry.put("title", result.title());
        entry.put("category", result.category().code());
        entry.put("level", result.level().code());
        entry.put("outcome", result.outcome().code());
        entry.put("cause", result.cause().code());
        entry.put("message", result.message());
        entry.put("hint", result.hint());
        entry.put("durationMs", result.durationMs());
        entry.set("evidence", result.evidence() == null ? null : JSON.valueToTree(result.evidence()));
        return entry;
    }
}
