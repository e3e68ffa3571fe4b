package dev.hookcheck.conformance.report;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.CheckInfo;
import dev.hookcheck.conformance.Checks;
import dev.hookcheck.conformance.internal.EvidenceText;
import java.util.List;

/**
 * {@code report.html}: one self-contained page (inline CSS, no script, nothing fetched) a person
 * reads: the summary, then every check with its outcome, why it matters, how to fix it, the request
 * sent and the response seen. Every text from the run is HTML-escaped.
 */
final class HtmlReport {
    private static final String CSS = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:70rem;\
            padding:0 1rem;color:#1d232a}
            h1{font-size:1.5rem;margin-bottom:.25rem}
            .meta{color:#5a6570;margin-top:0}
            .summary{display:flex;gap:1rem;margin:1.5rem 0}
            .summary div{border-radius:.5rem;padding:.75rem 1.25rem;font-size:1.1rem}
            .verdict{font-size:1.2rem;font-weight:600}
            .notice{border-radius:.5rem;padding:.75rem 1.25rem}
            .passed{background:#e3f4e8;color:#175c2c}.failed{background:#fbe3e1;color:#8a1c12}\
            .skipped{background:#eef0f3;color:#4a5560}
            details{border:1px solid #d6dbe0;border-radius:.5rem;margin:.5rem 0;padding:.5rem 1rem}
            details.failed{border-color:#e6a39b}
            summary{cursor:pointer;font-weight:600}
            .badge{display:inline-block;min-width:4.5rem;text-align:center;border-radius:.25rem;padding:0 .4rem;\
            margin-right:.5rem;font-size:.8rem;text-transform:uppercase}
            .id{font-family:ui-monospace,Menlo,Consolas,monospace;margin-right:.5rem}
            .level{color:#5a6570;font-weight:400;font-size:.85rem}
            h3{font-size:.95rem;margin:1rem 0 .25rem}
            pre{background:#f5f7f9;border-radius:.375rem;padding:.75rem;overflow-x:auto;white-space:pre-wrap;\
            word-break:break-all;font-size:.8rem}
            """;

    private HtmlReport() {}

    static String render(Report report) {
        Report.Summary summary = report.summary();
        List<CheckResult> requiredFailures = report.requiredFailures();
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Hookcheck report: ").append(escape(report.profile())).append(" receiver</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<h1>Hookcheck report: ").append(escape(report.profile())).append(" receiver</h1>\n")
                .append("<p class=\"meta\">").append(escape(report.target())).append(" · started ")
                .append(escape(report.startedAt().toString())).append(" · ").append(report.durationMs())
                .append(" ms</p>\n");
        html.append("<p class=\"verdict ").append(requiredFailures.isEmpty() ? "passed" : "failed").append("\">")
                .append(requiredFailures.isEmpty() ? "Every required check passed."
                        : requiredFailures.size() + " required check" + (requiredFailures.size() == 1 ? "" : "s")
                                + " failed: " + escape(String.join(", ", requiredFailures.stream()
                                        .map(CheckResult::id).toList())) + ".")
                .append("</p>\n");
        report.stopped().ifPresent(reason -> html.append("<p class=\"notice failed\">The run stopped early: ")
                .append(escape(reason)).append(". The checks left were not run.</p>\n"));
        List<CheckResult> notVerified = report.notVerified();
        if (!notVerified.isEmpty()) {
            html.append("<p class=\"notice skipped\"><strong>").append(notVerified.size()).append(" check")
                    .append(notVerified.size() == 1 ? " was" : "s were").append(" not verified</strong> (no probe): ");
            for (int i = 0; i < notVerified.size(); i++) {
                String id = escape(notVerified.get(i).id());
                html.append(i == 0 ? "" : ", ").append("<a href=\"#").append(id).append("\">").append(id)
                        .append("</a>");
            }
            html.append(". To verify them, ").append(escape(Report.HOW_TO_VERIFY)).append(".</p>\n");
        }
        html.append("<div class=\"summary\"><div class=\"passed\">").append(summary.passed())
                .append(" passed</div><div class=\"failed\">").append(summary.failed())
                .append(" failed</div><div class=\"skipped\">").append(summary.skipped())
                .append(" skipped</div></div>\n");
        for (CheckResult result : report.checks()) {
            check(html, result);
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void check(StringBuilder html, CheckResult result) {
        String outcome = result.outcome().code();
        html.append("<details class=\"").append(outcome).append('"').append(result.failed() ? " open" : "")
                .append(" id=\"").append(escape(result.id())).append("\">\n<summary><span class=\"badge ")
                .append(outcome).append("\">").append(outcome).append("</span><span class=\"id\">")
                .append(escape(result.id())).append("</span>").append(escape(result.title()))
                .append(" <span class=\"level\">").append(escape(level(result.level()))).append(" · ")
                .append(escape(result.category().code())).append(" · ").append(result.durationMs())
                .append(" ms</span></summary>\n");
        html.append("<p>").append(escape(result.message())).append("</p>\n");
        Checks.find(result.id()).map(CheckInfo::why).ifPresent(why ->
                html.append("<h3>Why it matters</h3>\n<p>").append(escape(why)).append("</p>\n"));
        html.append("<h3>How to fix it</h3>\n<p>").append(escape(capitalized(result.hint()))).append("</p>\n");
        CheckResult.Evidence evidence = result.evidence();
        if (evidence != null) {
            html.append("<h3>Request sent</h3>\n<pre>").append(escape(EvidenceText.request(evidence.request())))
                    .append("</pre>\n");
            html.append("<h3>Response seen</h3>\n<pre>").append(escape(evidence.response() == null ? "(no answer)"
                    : EvidenceText.response(evidence.response()))).append("</pre>\n");
        }
        html.append("</details>\n");
    }

    private static String level(Level level) {
        return level.kind() == Level.Kind.REQUIRED ? "required" : level.toString();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
