package dev.hookcheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.reference.Flaw;
import dev.hookcheck.conformance.reference.ReferenceReceiver;
import dev.hookcheck.conformance.reference.Secrets;
import dev.hookcheck.conformance.report.Invocation;
import dev.hookcheck.conformance.report.Report;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports read in the order a developer acts on them: root causes first, each fix said once, the
 * failures linked from the verdict, and every failure with the command and the curl that reproduce it.
 */
class ReportReadingTest {
    private static final Invocation COMMAND = new Invocation(
            "hookcheck check --url http://localhost:3000/webhooks --profile standard --secret \"$HOOKCHECK_SECRET\""
                    + " --skip ROB-003",
            "hookcheck check --url http://localhost:3000/webhooks --profile standard --secret \"$HOOKCHECK_SECRET\"");
    /** Does not verify signatures (one diagnosis), no probe (not verified checks), some checks not applicable. */
    private static Report unverifying;
    /** Echoes the expected signature: one failure no diagnosis explains. */
    private static Report echoing;
    private static Report correct;

    @BeforeAll
    static void run() {
        unverifying = report(Flaw.NO_VERIFICATION.receiver("standard"), "standard").withInvocation(COMMAND);
        echoing = report(Flaw.ECHOES_EXPECTED_SIGNATURE.receiver("vitable"), "vitable");
        correct = report(ReferenceReceiver.correct("github"), "github");
    }

    private static Report report(ReferenceReceiver receiver, String profile) {
        try (ReferenceReceiver app = receiver.start()) {
            List<CheckResult> results = Conformance.run(Receiver.of(app.url().toString(), profile,
                    Secrets.of(profile)));
            return new Report(profile, app.url().toString(), Instant.parse("2026-03-30T09:15:02Z"), 1234, results);
        }
    }

    @Test
    void failuresComeFirstThenTheChecksNotVerifiedThenSkippedThenPassed() {
        List<String> order = new ArrayList<>();
        for (JsonNode check : JsonMapper.shared().readTree(unverifying.toJson()).get("checks")) {
            String kind = check.get("outcome").asString().equals("skipped") && check.get("cause").asString()
                    .equals("no-probe") ? "not-verified" : check.get("outcome").asString();
            if (order.isEmpty() || !order.get(order.size() - 1).equals(kind)) {
                order.add(kind);
            }
        }

        assertThat(order).containsExactly("failed", "not-verified", "skipped", "passed");
    }

    @Test
    void aReceiverThatVerifiesNothingGetsOneDiagnosisWithItsFixSaidOnce() {
        JsonNode diagnoses = JsonMapper.shared().readTree(unverifying.toJson()).get("diagnoses");

        assertThat(diagnoses).hasSize(1);
        assertThat(diagnoses.get(0).get("id").asString()).isEqualTo("no-signature-verification");
        assertThat(diagnoses.get(0).get("checks").valueStream().map(JsonNode::asString))
                .containsExactlyElementsOf(unverifying.checks().stream().filter(CheckResult::failed)
                        .map(CheckResult::id).toList());
        String html = unverifying.toHtml();
        assertThat(count(html, "Fix:</strong>")).isOne();
        // under the diagnosis its fix replaces their hints, and their messages are shown without them
        assertThat(unverifying.checks().stream().filter(CheckResult::failed))
                .allSatisfy(check -> assertThat(html).doesNotContain(HtmlText.escape(check.hint().substring(1))));
    }

    @Test
    void aFailureNoDiagnosisExplainsShowsItsOwnHintOnce() {
        CheckResult echo = echoing.otherFailures().get(0);
        String html = echoing.toHtml();

        assertThat(echoing.diagnoses()).isEmpty();
        assertThat(echo.id()).isEqualTo("SIG-017");
        assertThat(count(html, HtmlText.escape(capitalized(echo.hint())))).isOne();
        assertThat(count(html, HtmlText.escape(echo.hint().substring(1)))).as("not repeated in its message").isOne();
    }

    @Test
    void everyFailedIdInTheVerdictLinksToItsCheck() {
        String html = unverifying.toHtml();
        String verdict = html.substring(html.indexOf("<p class=\"verdict"), html.indexOf("</p>",
                html.indexOf("<p class=\"verdict")));
        Matcher links = Pattern.compile("<a href=\"#([A-Z]{3}-\\d{3})\">").matcher(verdict);
        List<String> linked = new ArrayList<>();
        while (links.find()) {
            linked.add(links.group(1));
        }

        assertThat(linked).containsExactlyElementsOf(unverifying.requiredFailures().stream().map(CheckResult::id)
                .toList()).isNotEmpty();
        assertThat(linked).allSatisfy(id -> assertThat(count(html, "id=\"" + id + "\"")).isOne());
    }

    @Test
    void aCountOfZeroIsNotColouredAsAFailure() {
        String html = correct.toHtml();

        assertThat(html).contains("<li class=\"none\">0 failed</li>").doesNotContain("<li class=\"failed\">");
        assertThat(unverifying.toHtml()).contains("<li class=\"failed\">" + unverifying.summary().failed()
                + " failed</li>");
    }

    @Test
    void everyReportNamesTheVersionTheCommandLineTheProfileAndTheDuration() throws Exception {
        JsonNode json = JsonMapper.shared().readTree(unverifying.toJson());
        assertThat(json.get("version").asString()).isEqualTo(Report.VERSION).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(json.get("commandLine").asString()).isEqualTo(COMMAND.commandLine());
        assertThat(json.get("profile").asString()).isEqualTo("standard");
        assertThat(json.get("durationMs").asLong()).isEqualTo(1234);

        assertThat(unverifying.toHtml()).contains("Hookcheck " + Report.VERSION, "profile standard", "1234 ms",
                HtmlText.escape(COMMAND.commandLine()));

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(unverifying.toJunitXml().getBytes(StandardCharsets.UTF_8)));
        NodeList properties = xml.getElementsByTagName("property");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            names.add(property.getAttribute("name"));
            if (property.getAttribute("name").equals("commandLine")) {
                assertThat(property.getAttribute("value")).isEqualTo(COMMAND.commandLine());
            }
        }
        assertThat(names).contains("profile", "version", "commandLine", "diagnosis.no-signature-verification");
        assertThat(xml.getDocumentElement().getAttribute("time")).isEqualTo("1.234");
    }

    @Test
    void everyFailedCheckCarriesTheCommandThatRunsItAloneAndACurlOfItsRequest() {
        JsonNode checks = JsonMapper.shared().readTree(unverifying.toJson()).get("checks");
        List<JsonNode> failed = checks.valueStream().filter(c -> c.get("outcome").asString().equals("failed")).toList();

        assertThat(failed).isNotEmpty().allSatisfy(check -> {
            String id = check.get("id").asString();
            assertThat(check.at("/reproduce/command").asString()).isEqualTo(COMMAND.checkCommand() + " --checks " + id);
            String curl = check.at("/reproduce/curl").asString();
            assertThat(curl).startsWith("curl -sS -i '" + check.at("/evidence/request/url").asString() + "'")
                    .doesNotContain(Secrets.of("standard").reveal(), "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
            check.at("/evidence/request/headers").properties().forEach(header -> assertThat(curl)
                    .contains(header.getValue().asString().isEmpty() ? header.getKey() + ";"
                            : header.getKey() + ": " + header.getValue().asString()));
        });
        assertThat(checks.valueStream().filter(c -> !c.get("outcome").asString().equals("failed")))
                .allSatisfy(check -> assertThat(check.has("reproduce")).isFalse());
        assertThat(unverifying.toHtml()).contains("Run it alone", "Send the request that failed it");
    }

    @Test
    void aRunFromJavaHasNoCommandButStillACurl() {
        JsonNode check = JsonMapper.shared().readTree(echoing.toJson()).get("checks").get(0);

        assertThat(check.get("id").asString()).isEqualTo("SIG-017");
        assertThat(check.get("reproduce").has("command")).isFalse();
        assertThat(check.at("/reproduce/curl").asString()).contains("X-Vitable-Signature: sha512=");
        assertThat(JsonMapper.shared().readTree(echoing.toJson()).has("commandLine")).isFalse();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** What report.html makes of a text. */
    private static final class HtmlText {
        static String escape(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                    .replace("'", "&#39;");
        }
    }
}
