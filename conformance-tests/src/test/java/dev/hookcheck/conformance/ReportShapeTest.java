package dev.hookcheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.reference.Flaw;
import dev.hookcheck.conformance.reference.ReferenceReceiver;
import dev.hookcheck.conformance.reference.Secrets;
import dev.hookcheck.conformance.report.Report;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The three renderings of a run hold what the CLI contract says, and nothing a receiver sent can break them. */
class ReportShapeTest {
    private static Report report;

    @BeforeAll
    static void runAgainstAReceiverThatDoesNotVerify() {
        try (ReferenceReceiver app = Flaw.NO_VERIFICATION.receiver("github").start()) {
            List<CheckResult> results = Conformance.run(Receiver.of(app.url().toString(), "github",
                    Secrets.of("github")));
            report = new Report("github", app.url().toString(), Instant.parse("2026-03-30T09:15:02Z"), 1234, results);
        }
    }

    @Test
    void theStartIsKeptToTheMillisecond() {
        Report precise = new Report("github", "http://localhost:3000/", Instant.parse("2026-03-30T09:15:02.123456789Z"), 1,
                List.of());

        assertThat(JsonMapper.shared().readTree(precise.toJson()).get("startedAt").asString())
                .isEqualTo("2026-03-30T09:15:02.123Z");
    }

    @Test
    void everyResultMapsOntoAReportJsonEntry() {
        JsonNode json = JsonMapper.shared().readTree(report.toJson());

        assertThat(json.propertyNames()).containsExactly("profile", "target", "version", "startedAt", "durationMs",
                "summary", "diagnoses", "notVerified", "howToVerify", "checks");
        assertThat(json.get("notVerified").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(
                report.notVerified().stream().map(CheckResult::id).toList()).isNotEmpty();
        assertThat(json.get("startedAt").asString()).isEqualTo("2026-03-30T09:15:02Z");
        assertThat(json.get("checks")).allSatisfy(entry -> assertThat(entry.propertyNames()).containsExactlyElementsOf(
                entry.get("outcome").asString().equals("failed")
                        ? List.of("id", "title", "category", "level", "outcome", "cause", "message", "hint", "durationMs",
                                "diagnosis", "reproduce", "evidence")
                        : List.of("id", "title", "category", "level", "outcome", "cause", "message", "hint", "durationMs",
                                "evidence")));
        assertThat(json.get("checks")).extracting(e -> e.get("outcome").asString()).contains("passed", "failed",
                "skipped");
        JsonNode failed = json.get("checks").get(0); // SIG-002, accepted although unsigned: the first diagnosed
        assertThat(failed.get("level").asString()).isEqualTo("required");
        assertThat(failed.at("/evidence/request/method").asString()).isEqualTo("POST");
        assertThat(failed.at("/evidence/request/headers/X-GitHub-Event").asString()).isNotEmpty();
        assertThat(failed.at("/evidence/response/status").asInt()).isEqualTo(200);
        assertThat(failed.at("/evidence/request/bodyBytes").asInt()).isPositive();
        assertThat(failed.get("diagnosis").asString()).isEqualTo("no-signature-verification");
        Report.Summary summary = report.summary();
        assertThat(json.at("/summary/passed").asInt()).isEqualTo(summary.passed());
        assertThat(json.at("/summary/failed").asInt()).isEqualTo(summary.failed()).isPositive();
        assertThat(json.at("/summary/skipped").asInt()).isEqualTo(summary.skipped());
        assertThat(json.at("/summary/notVerified").asInt()).isEqualTo(summary.notVerified()).isPositive();
    }

    @Test
    void junitXmlIsOneSurefireTestsuiteWithATestcasePerCheck() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(report.toJunitXml().getBytes(StandardCharsets.UTF_8)));
        Element suite = xml.getDocumentElement();

        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(report.checks().size()));
        assertThat(suite.getAttribute("failures")).isEqualTo(Integer.toString(report.summary().failed()));
        assertThat(suite.getAttribute("skipped")).isEqualTo(Integer.toString(report.summary().skipped()));
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(report.checks().size());
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(report.summary().failed());
        Element firstFailure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(firstFailure.getAttribute("message")).startsWith("[SIG-002]");
        assertThat(firstFailure.getTextContent()).contains("request sent:", "response seen:");
        assertThat(((Element) firstFailure.getParentNode()).getAttribute("classname"))
                .isEqualTo("hookcheck.github.signature");
    }

    @Test
    void htmlIsSelfContainedAndShowsWhyAndHowForEveryCheck() {
        String html = report.toHtml();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContain("<script", "<link",
                "src=", "url(");
        assertThat(html).contains("What to fix first", "Fix:", "Why it matters", "Request sent", "Response seen");
        assertThat(html.split("<details", -1)).hasSize(report.checks().size() + 1);
    }

    @Test
    void whateverAReceiverAnsweredIsEscaped() {
        CheckResult hostile = new CheckResult("SIG-001", "accepts a correctly signed delivery", Category.SIGNATURE,
                Level.required(), CheckResult.Outcome.FAILED, CheckResult.Cause.CHECKED, "[SIG-001] got <script>alert(1)</script> & \"more\"",
                "verify it.", 3, new CheckResult.Evidence(
                        new CheckResult.Request("POST", "http://x/?a=1&b=2", java.util.Map.of(), "{}"),
                        new CheckResult.Response(500, java.util.Map.of("X-Evil", "<b>\u0001</b>"),
                                "</pre><img src=x onerror=alert(1)>\u0000")));
        Report evil = new Report("standard", "http://x/<y>", Instant.EPOCH, 3, List.of(hostile));

        assertThat(evil.toHtml()).doesNotContain("<script>alert", "<img", "</pre><img", "<b>")
                .contains("&lt;script&gt;", "&amp; &quot;more&quot;");
        assertThat(evil.toJunitXml()).doesNotContain("\u0000", "\u0001");
        assertThat(JsonMapper.shared().readTree(evil.toJson()).at("/checks/0/evidence/response/body").asString())
                .isEqualTo("</pre><img src=x onerror=alert(1)>\u0000");
    }
}
