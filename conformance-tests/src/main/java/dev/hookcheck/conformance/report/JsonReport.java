package dev.hookcheck.conformance.report;

import dev.hookcheck.conformance.CheckResult;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code report.json}: the CLI contract's shape, field for field ({@code schemas/json/report.schema.json}). */
final class JsonReport {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonReport() {}

    static String render(Report report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("profile", report.profile());
        root.put("target", report.target());
        root.put("version", Report.VERSION);
        report.invocation().ifPresent(command -> root.put("commandLine", command.commandLine()));
        root.put("startedAt", report.startedAt().toString());
        root.put("durationMs", report.durationMs());
        Report.Summary summary = report.summary();
        ObjectNode counts = root.putObject("summary");
        counts.put("passed", summary.passed());
        counts.put("failed", summary.failed());
        counts.put("skipped", summary.skipped());
        counts.put("notVerified", summary.notVerified());
        ArrayNode diagnoses = root.putArray("diagnoses");
        for (Diagnosis diagnosis : report.diagnoses()) {
            ObjectNode entry = diagnoses.addObject();
            entry.put("id", diagnosis.id());
            entry.put("title", diagnosis.title());
            entry.put("fix", diagnosis.fix());
            entry.put("level", diagnosis.required() ? "required" : "recommended");
            ArrayNode ids = entry.putArray("checks");
            diagnosis.ids().forEach(ids::add);
        }
        ArrayNode notVerified = root.putArray("notVerified");
        report.notVerified().forEach(result -> notVerified.add(result.id()));
        if (!report.notVerified().isEmpty()) {
            root.put("howToVerify", Report.HOW_TO_VERIFY);
        }
        report.stopped().ifPresent(reason -> root.put("stopped", reason));
        ArrayNode checks = root.putArray("checks");
        report.ordered().forEach(result -> checks.add(entry(report, result)));
        return JSON.writeValueAsString(root) + "\n";
    }

    private static ObjectNode entry(Report report, CheckResult result) {
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
        if (result.failed()) {
            report.diagnosis(result).ifPresent(d -> entry.put("diagnosis", d.id()));
            ObjectNode reproduce = entry.putObject("reproduce");
            report.command(result).ifPresent(command -> reproduce.put("command", command));
            report.curl(result).ifPresent(curl -> reproduce.put("curl", curl));
        }
        entry.set("evidence", result.evidence() == null ? null : evidence(result.evidence()));
        return entry;
    }

    private static ObjectNode evidence(CheckResult.Evidence evidence) {
        ObjectNode node = JSON.createObjectNode();
        CheckResult.Request request = evidence.request();
        ObjectNode sent = node.putObject("request");
        sent.put("method", request.method());
        sent.put("url", request.url());
        sent.set("headers", JSON.valueToTree(request.headers()));
        sent.put("body", request.body());
        sent.put("bodyBytes", request.bodyBytes());
        CheckResult.Response response = evidence.response();
        if (response == null) {
            node.putNull("response");
        } else {
            ObjectNode seen = node.putObject("response");
            seen.put("status", response.status());
            seen.set("headers", JSON.valueToTree(response.headers()));
            seen.put("body", response.body());
        }
        return node;
    }
}
