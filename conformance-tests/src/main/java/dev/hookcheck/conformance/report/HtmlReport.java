package dev.hookcheck.conformance.report;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.CheckInfo;
import dev.hookcheck.conformance.Checks;
import dev.hookcheck.conformance.internal.EvidenceText;
import java.util.List;
import java.util.Optional;

/**
 * {@code report.html}: one self-contained page (inline CSS, no script, nothing fetched) a person reads,
 * in the order to act on it: the verdict with links to each failure, what to fix first (each diagnosis
 * with its fix said once and the checks it explains, then the other failures), then the checks not
 * verified, skipped and passed, folded. Every failure carries the command that runs it alone and a curl
 * of the request that failed it. Landmarks, headings and colours meet WCAG AA (an axe-core test checks
 * it). Every text from the run is HTML-escaped.
 */
final class HtmlReport {
    private static final String CSS = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:70rem;\
            padding:0 1rem;color:#1d232a}
            h1{font-size:1.5rem;margin-bottom:.25rem}
            h2{font-size:1.2rem;margin:2rem 0 .5rem}
            h3{font-size:1.05rem;margin:1.25rem 0 .25rem}
            a{color:#0b57a4}
            .meta{color:#4f5a64;margin:.25rem 0}
            code,pre{font-family:ui-monospace,Menlo,Consolas,monospace}
            .summary{display:flex;flex-wrap:wrap;gap:1rem;margin:1.5rem 0;padding:0;list-style:none}
            .summary li{border-radius:.5rem;padding:.75rem 1.25rem;font-size:1.1rem}
            .verdict{font-size:1.2rem;font-weight:600}
            .notice{border-radius:.5rem;padding:.75rem 1.25rem}
            .passed{background:#e3f4e8;color:#175c2c}.failed{background:#fbe3e1;color:#8a1c12}\
            .skipped,.none{background:#eef0f3;color:#3f4a55}
            .diagnosis{border-left:.3rem solid #c0392b;padding:.25rem 0 .25rem 1rem;margin:1rem 0}
            .fix{background:#fff6e0;border-radius:.375rem;padding:.5rem .75rem;color:#3d2e00}
            details{border:1px solid #d6dbe0;border-radius:.5rem;margin:.5rem 0;padding:.5rem 1rem}
            details.failed{border-color:#e6a39b;background:#fff}
            summary{cursor:pointer;font-weight:600}
            .badge{display:inline-block;min-width:4.5rem;text-align:center;border-radius:.25rem;padding:0 .4rem;\
            margin-right:.5rem;font-size:.8rem;text-transform:uppercase}
            .id{margin-right:.5rem}
            .level{color:#4f5a64;font-weight:400;font-size:.85rem}
            dt{font-weight:600;margin-top:.75rem}
            dd{margin:0}
            pre{background:#f5f7f9;border-radius:.375rem;padding:.75rem;white-space:pre-wrap;word-break:break-all;\
            font-size:.8rem;margin:.25rem 0}
            footer{color:#4f5a64;font-size:.85rem;margin-top:3rem}
            """;

    private HtmlReport() {}

    static String render(Report report) {
        StringBuilder html = new StringBuilder(32_768);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Hookcheck report: ").append(escape(report.profile())).append(" receiver</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(html, report);
        html.append("<main>\n");
        verdict(html, report);
        failures(html, report);
        rest(html, report);
        html.append("</main>\n<footer><p>Written by Hookcheck ").append(escape(Report.VERSION))
                .append(". The same results are in report.json (for scripts) and junit.xml (for CI).</p></footer>\n");
        return html.append("</body>\n</html>\n").toString();
    }

    private static void header(StringBuilder html, Report report) {
        html.append("<header>\n<h1>Hookcheck report: ").append(escape(report.profile())).append(" receiver</h1>\n")
                .append("<p class=\"meta\">").append(escape(report.target())).append(" · profile ")
                .append(escape(report.profile())).append(" · started ").append(escape(report.startedAt().toString()))
                .append(" · ").append(report.durationMs()).append(" ms · Hookcheck ").append(escape(Report.VERSION))
                .append("</p>\n");
        report.invocation().ifPresent(command -> html.append("<p class=\"meta\">Command: <code>")
                .append(escape(command.commandLine())).append("</code></p>\n"));
        html.append("</header>\n");
    }

    private static void verdict(StringBuilder html, Report report) {
        List<CheckResult> requiredFailures = report.requiredFailures();
        html.append("<p class=\"verdict ").append(requiredFailures.isEmpty() ? "passed" : "failed").append("\">");
        if (requiredFailures.isEmpty()) {
            html.append("Every required check passed.");
        } else {
            html.append(requiredFailures.size()).append(" required check")
                    .append(requiredFailures.size() == 1 ? "" : "s").append(" failed: ");
            links(html, requiredFailures);
            html.append('.');
        }
        html.append("</p>\n");
        report.stopped().ifPresent(reason -> html.append("<p class=\"notice failed\">The run stopped early: ")
                .append(escape(reason)).append(". The checks left were not run.</p>\n"));
        List<CheckResult> notVerified = report.notVerified();
        if (!notVerified.isEmpty()) {
            html.append("<p class=\"notice skipped\"><strong>").append(notVerified.size()).append(" check")
                    .append(notVerified.size() == 1 ? " was" : "s were").append(" not verified</strong> (no probe): ");
            links(html, notVerified);
            html.append(". To verify them, ").append(escape(Report.HOW_TO_VERIFY)).append(".</p>\n");
        }
        Report.Summary summary = report.summary();
        html.append("<ul class=\"summary\" aria-label=\"Summary\">")
                .append(pill(summary.failed(), "failed", "failed"))
                .append(pill(summary.notVerified(), "not verified", "skipped"))
                .append(pill(summary.skipped() - summary.notVerified(), "skipped", "skipped"))
                .append(pill(summary.passed(), "passed", "passed")).append("</ul>\n");
    }

    /** A count in its colour, or grey when it is zero: "0 failed" is not an alarm. */
    private static String pill(int count, String label, String kind) {
        return "<li class=\"" + (count == 0 ? "none" : kind) + "\">" + count + " " + label + "</li>";
    }

    private static void failures(StringBuilder html, Report report) {
        List<Diagnosis> diagnoses = report.diagnoses();
        List<CheckResult> others = report.otherFailures();
        if (diagnoses.isEmpty() && others.isEmpty()) {
            return;
        }
        html.append("<section aria-labelledby=\"fix-first\">\n<h2 id=\"fix-first\">What to fix first</h2>\n");
        int number = 1;
        for (Diagnosis diagnosis : diagnoses) {
            html.append("<section class=\"diagnosis\" id=\"diagnosis-").append(escape(diagnosis.id()))
                    .append("\" aria-labelledby=\"title-").append(escape(diagnosis.id())).append("\">\n<h3 id=\"title-")
                    .append(escape(diagnosis.id())).append("\">").append(number++).append(". ")
                    .append(escape(capitalized(diagnosis.title()))).append("</h3>\n<p>")
                    .append(diagnosis.checks().size()).append(diagnosis.checks().size() == 1 ? " check" : " checks")
                    .append(diagnosis.required() ? "" : " (recommended only)").append(": ");
            links(html, diagnosis.checks());
            html.append("</p>\n<p class=\"fix\"><strong>Fix:</strong> ").append(escape(capitalized(diagnosis.fix())))
                    .append(".</p>\n");
            for (CheckResult result : diagnosis.checks()) {
                check(html, report, result, false);
            }
            html.append("</section>\n");
        }
        if (!others.isEmpty()) {
            html.append("<section aria-labelledby=\"other-failures\">\n<h3 id=\"other-failures\">")
                    .append(diagnoses.isEmpty() ? "" : number + ". ").append("Failed checks</h3>\n");
            for (CheckResult result : others) {
                check(html, report, result, true);
            }
            html.append("</section>\n");
        }
        html.append("</section>\n");
    }

    private static void rest(StringBuilder html, Report report) {
        section(html, report, "not-verified", "Not verified", report.notVerified());
        section(html, report, "skipped", "Skipped", report.checks().stream()
                .filter(c -> c.skipped() && !c.notVerified()).toList());
        section(html, report, "passed", "Passed", report.checks().stream().filter(CheckResult::passed).toList());
    }

    private static void section(StringBuilder html, Report report, String id, String title, List<CheckResult> checks) {
        if (checks.isEmpty()) {
            return;
        }
        html.append("<section aria-labelledby=\"").append(id).append("\">\n<h2 id=\"").append(id).append("\">")
                .append(title).append(" (").append(checks.size()).append(")</h2>\n");
        for (CheckResult result : checks) {
            check(html, report, result, false);
        }
        html.append("</section>\n");
    }

    /** One check, folded unless it failed; {@code withHint}: no diagnosis above it already says the fix. */
    private static void check(StringBuilder html, Report report, CheckResult result, boolean withHint) {
        String outcome = result.outcome().code();
        html.append("<details class=\"").append(outcome).append('"').append(result.failed() ? " open" : "")
                .append(" id=\"").append(escape(result.id())).append("\">\n<summary><span class=\"badge ")
                .append(outcome).append("\">").append(outcome).append("</span><code class=\"id\">")
                .append(escape(result.id())).append("</code>").append(escape(result.title()))
                .append(" <span class=\"level\">").append(escape(level(result.level()))).append(" · ")
                .append(escape(result.category().code())).append(" · ").append(result.durationMs())
                .append(" ms</span></summary>\n<dl>\n");
        if (!result.passed()) {
            html.append("<dt>").append(result.failed() ? "Found" : "Why it was skipped").append("</dt><dd>")
                    .append(escape(capitalized(result.finding()))).append("</dd>\n");
        }
        Checks.find(result.id()).map(CheckInfo::why).ifPresent(why ->
                html.append("<dt>Why it matters</dt><dd>").append(escape(why)).append("</dd>\n"));
        if (withHint && result.cause() == CheckResult.Cause.CHECKED) {
            html.append("<dt>How to fix it</dt><dd>").append(escape(capitalized(result.hint()))).append("</dd>\n");
        }
        if (result.failed()) {
            Optional<String> command = report.command(result);
            command.ifPresent(c -> html.append("<dt>Run it alone</dt><dd><pre>").append(escape(c)).append("</pre></dd>\n"));
            report.curl(result).ifPresent(curl -> html.append("<dt>Send the request that failed it</dt><dd><pre>")
                    .append(escape(curl)).append("</pre>(signed at the run's time: inside the tolerance for a few"
                            + " minutes only)</dd>\n"));
        }
        CheckResult.Evidence evidence = result.evidence();
        if (evidence != null) {
            html.append("<dt>Request sent</dt><dd><pre>").append(escape(EvidenceText.request(evidence.request())))
                    .append("</pre></dd>\n");
            html.append("<dt>Response seen</dt><dd><pre>").append(escape(evidence.response() == null ? "(no answer)"
                    : EvidenceText.response(evidence.response()))).append("</pre></dd>\n");
        }
        html.append("</dl>\n</details>\n");
    }

    private static void links(StringBuilder html, List<CheckResult> checks) {
        for (int i = 0; i < checks.size(); i++) {
            String id = escape(checks.get(i).id());
            html.append(i == 0 ? "" : ", ").append("<a href=\"#").append(id).append("\">").append(id).append("</a>");
        }
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
