package dev.hookcheck.conformance.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Conformance;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Options;
import dev.hookcheck.conformance.Probe;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.CheckInfo;
import dev.hookcheck.conformance.Checks;
import dev.hookcheck.conformance.internal.EvidenceText;
import dev.hookcheck.conformance.report.Diagnosis;
import dev.hookcheck.conformance.report.Report;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The kit proves its own checks: every correct reference receiver passes every check that applies
 * (no false positive), and every flawed receiver fails exactly the checks that name its flaw (no
 * miss, no collateral). The flaw × check matrix is rendered to {@code target/detection-matrix.md}
 * and must equal the committed {@code src/test/resources/detection-matrix.md}.
 */
class DetectionMatrixTest {
    private static final Path COMMITTED = Path.of("src/test/resources/detection-matrix.md");
    private static final Path RENDERED = Path.of("target/detection-matrix.md");
    /** Well above a correct receiver's answer on a loaded machine, well below the slow flaw's work. */
    private static final Duration LATENCY_BOUND = Duration.ofMillis(350);
    /**
     * Shorter than the default: the queued receivers' workers take 300 ms, and a shorter window can only
     * make a correct receiver fail sooner (a count below the expected one is concluded at its end), so a
     * matrix without false positives at 2 s has none at the default. Flaws are caught either way.
     */
    static final Duration SETTLE = Duration.ofSeconds(2);

    /** The checks that name each flaw, per profile it is tried on. */
    private static final Map<String, Set<String>> EXPECTED = new LinkedHashMap<>();

    static {
        expect(Flaw.WRONG_KEY_ENCODING, "standard", "SIG-001 SIG-007 SIG-012 SIG-014 SIG-015 SIG-016 RPL-002 RPL-006"
                + " IDM-001 IDM-002 IDM-005 IDM-006 IDM-007 IDM-008 ROB-001 ROB-004 CON-001 CON-003");
        expect(Flaw.NO_VERIFICATION, "standard", "SIG-002 SIG-003 SIG-004 SIG-005 SIG-006 SIG-007 SIG-008 SIG-009"
                + " SIG-010 SIG-011 SIG-013 RPL-001 RPL-003 RPL-004 RPL-005 IDM-003");
        expect(Flaw.NO_VERIFICATION, "github", "SIG-002 SIG-003 SIG-004 SIG-005 SIG-006 SIG-008 SIG-009 SIG-010 IDM-003");
        expect(Flaw.SKIPS_UNSIGNED, "vitable", "SIG-002");
        expect(Flaw.SKIPS_UNSIGNED, "mailgun", "SIG-002");
        expect(Flaw.SWALLOWS_PARSE_ERRORS, "stripe", "SIG-003 SIG-004");
        expect(Flaw.NO_TIMESTAMP_CHECK, "standard", "RPL-001 RPL-003 RPL-004");
        expect(Flaw.NO_TIMESTAMP_CHECK, "dfns", "RPL-001 RPL-003 RPL-004");
        // schemes of their own (RFC 3339 timestamps): the window is judged all the same
        expect(Flaw.NO_TIMESTAMP_CHECK, "twitch", "RPL-001 RPL-003");
        expect(Flaw.NO_TIMESTAMP_CHECK, "box", "RPL-001 RPL-003");
        // a timestamp in milliseconds inside the body: the window is judged in milliseconds
        expect(Flaw.NO_TIMESTAMP_CHECK, "linear", "RPL-001 RPL-003");
        expect(Flaw.NO_TIMESTAMP_CHECK, "mailgun", "RPL-001 RPL-003");
        expect(Flaw.ACCEPTS_FUTURE, "vitable", "RPL-003 RPL-004");
        expect(Flaw.ACCEPTS_FUTURE, "stripe", "RPL-003 RPL-004");
        expect(Flaw.TIGHT_TOLERANCE, "preo", "RPL-002");
        expect(Flaw.GUESSES_MILLISECONDS, "standard", "RPL-004");
        expect(Flaw.CRASHES_ON_TEXT_TIMESTAMP, "vitable", "RPL-005");
        expect(Flaw.CRASHES_ON_TEXT_TIMESTAMP, "dfns", "RPL-005");
        expect(Flaw.TRUSTS_KNOWN_SIGNATURES, "standard", "SIG-007");
        expect(Flaw.TRUSTS_KNOWN_SIGNATURES, "stripe", "SIG-007");
        expect(Flaw.COMPARES_PREFIX, "vitable", "SIG-008");
        expect(Flaw.COMPARES_PREFIX, "standard", "SIG-008");
        expect(Flaw.COMPARES_EXPECTED_LENGTH, "github", "SIG-008 SIG-009");
        expect(Flaw.COMPARES_EXPECTED_LENGTH, "dfns", "SIG-008 SIG-009");
        expect(Flaw.ANY_VERSION, "standard", "SIG-010 SIG-011");
        expect(Flaw.ANY_VERSION, "vitable", "SIG-010");
        expect(Flaw.ANY_VERSION, "stripe", "SIG-010 SIG-011");
        expect(Flaw.FIRST_SIGNATURE_ONLY, "standard", "SIG-012");
        expect(Flaw.FIRST_SIGNATURE_ONLY, "stripe", "SIG-012");
        expect(Flaw.ROTATION_SHORTCUT, "standard", "SIG-011 SIG-013");
        expect(Flaw.CASE_SENSITIVE_HEADERS, "vitable", "SIG-014");
        expect(Flaw.CASE_SENSITIVE_HEADERS, "standard", "SIG-014");
        expect(Flaw.VERIFIES_RESERIALIZED_BODY, "vitable", "SIG-015");
        expect(Flaw.VERIFIES_RESERIALIZED_BODY, "dfns", "SIG-015");
        expect(Flaw.WRONG_CHARSET, "preo", "SIG-016");
        expect(Flaw.WRONG_CHARSET, "github", "SIG-016");
        expect(Flaw.ECHOES_EXPECTED_SIGNATURE, "vitable", "SIG-017");
        expect(Flaw.ECHOES_EXPECTED_SIGNATURE, "github", "SIG-017");
        expect(Flaw.PROCESSES_DUPLICATES, "standard", "RPL-006 IDM-001 IDM-002");
        expect(Flaw.PROCESSES_DUPLICATES, "dfns", "RPL-006 IDM-001 IDM-002 IDM-004");
        expect(Flaw.PROCESSES_DUPLICATES_QUEUED, "standard", "RPL-006 IDM-001 IDM-002");
        expect(Flaw.PROCESSES_DUPLICATES_QUEUED, "github", "RPL-006 IDM-001 IDM-002");
        expect(Flaw.RACES_ON_DUPLICATES, "stripe", "IDM-002");
        expect(Flaw.REJECTS_DUPLICATES, "vitable", "IDM-001");
        expect(Flaw.REJECTS_DUPLICATES, "dfns", "IDM-001 IDM-004");
        expect(Flaw.PROCESSES_BEFORE_VERIFYING, "preo", "IDM-003");
        expect(Flaw.ENQUEUES_FORGED, "standard", "IDM-003");
        expect(Flaw.ENQUEUES_FORGED, "dfns", "IDM-003");
        expect(Flaw.CLAIMS_BEFORE_VERIFYING, "standard", "SIG-007 IDM-008");
        expect(Flaw.CLAIMS_BEFORE_VERIFYING, "dfns", "IDM-008");
        expect(Flaw.DEDUPES_BY_BODY_HASH, "standard", "IDM-006");
        expect(Flaw.DEDUPES_BY_BODY_HASH, "github", "IDM-006");
        expect(Flaw.DEDUPES_BY_RESOURCE, "vitable", "IDM-007");
        expect(Flaw.DEDUPES_BY_RESOURCE, "stripe", "IDM-007");
        expect(Flaw.IGNORES_RETRY_OF, "dfns", "IDM-004");
        expect(Flaw.DROPS_WHEN_BUSY, "standard", "IDM-005");
        expect(Flaw.FAILS_ON_UNKNOWN_TYPE, "vitable", "ROB-001");
        expect(Flaw.FAILS_ON_UNKNOWN_TYPE, "github", "ROB-001");
        expect(Flaw.PARSES_BEFORE_VERIFYING, "stripe", "ROB-002");
        expect(Flaw.ANSWERS_SLOWLY, "standard", "ROB-003");
        expect(Flaw.TRUNCATES_BODY, "preo", "ROB-004");
        expect(Flaw.ANSWERS_204, "dfns", "CON-001");
        expect(Flaw.REDIRECTS, "standard", "CON-001 CON-002");
        expect(Flaw.STRICT_CONTENT_TYPE, "vitable", "CON-003");
        expect(Flaw.IGNORES_HANDSHAKE, "zoom", "HSK-001");
        expect(Flaw.IGNORES_HANDSHAKE, "twitch", "HSK-001");
        expect(Flaw.IGNORES_HANDSHAKE, "slack", "HSK-001");
        expect(Flaw.IGNORES_HANDSHAKE, "dropbox", "HSK-001");
        expect(Flaw.EXPECTS_AN_EVENT, "twitch", "HSK-003");
        expect(Flaw.ANSWERS_FORGED_HANDSHAKE, "twitch", "HSK-002");
    }

    /**
     * The root cause each flawed receiver is diagnosed with: a diagnosis that explains every check it fails,
     * or none where one check alone names the flaw (it stands as a failure of its own, with its own hint).
     */
    private static final Map<String, String> DIAGNOSED = new LinkedHashMap<>();
    private static final String NONE = "";

    static {
        diagnosed(Flaw.WRONG_KEY_ENCODING, "standard", "secret-mismatch");
        diagnosed(Flaw.NO_VERIFICATION, "standard", "no-signature-verification");
        diagnosed(Flaw.NO_VERIFICATION, "github", "no-signature-verification");
        diagnosed(Flaw.SKIPS_UNSIGNED, "vitable", NONE);
        diagnosed(Flaw.SKIPS_UNSIGNED, "mailgun", NONE);
        diagnosed(Flaw.SWALLOWS_PARSE_ERRORS, "stripe", "unreadable-signature-skipped");
        diagnosed(Flaw.NO_TIMESTAMP_CHECK, "standard", "no-replay-window");
        diagnosed(Flaw.NO_TIMESTAMP_CHECK, "dfns", "no-replay-window");
        diagnosed(Flaw.NO_TIMESTAMP_CHECK, "twitch", "no-replay-window");
        diagnosed(Flaw.NO_TIMESTAMP_CHECK, "box", "no-replay-window");
        diagnosed(Flaw.NO_TIMESTAMP_CHECK, "linear", "no-replay-window");
        diagnosed(Flaw.NO_TIMESTAMP_CHECK, "mailgun", "no-replay-window");
        diagnosed(Flaw.ACCEPTS_FUTURE, "vitable", "future-timestamps-accepted");
        diagnosed(Flaw.ACCEPTS_FUTURE, "stripe", "future-timestamps-accepted");
        diagnosed(Flaw.TIGHT_TOLERANCE, "preo", NONE);
        diagnosed(Flaw.GUESSES_MILLISECONDS, "standard", NONE);
        diagnosed(Flaw.CRASHES_ON_TEXT_TIMESTAMP, "vitable", NONE);
        diagnosed(Flaw.CRASHES_ON_TEXT_TIMESTAMP, "dfns", NONE);
        diagnosed(Flaw.TRUSTS_KNOWN_SIGNATURES, "standard", NONE);
        diagnosed(Flaw.TRUSTS_KNOWN_SIGNATURES, "stripe", NONE);
        diagnosed(Flaw.COMPARES_PREFIX, "vitable", NONE);
        diagnosed(Flaw.COMPARES_PREFIX, "standard", NONE);
        diagnosed(Flaw.COMPARES_EXPECTED_LENGTH, "github", "partial-signature-comparison");
        diagnosed(Flaw.COMPARES_EXPECTED_LENGTH, "dfns", "partial-signature-comparison");
        diagnosed(Flaw.ANY_VERSION, "standard", "version-label-ignored");
        diagnosed(Flaw.ANY_VERSION, "vitable", NONE);
        diagnosed(Flaw.ANY_VERSION, "stripe", "version-label-ignored");
        diagnosed(Flaw.FIRST_SIGNATURE_ONLY, "standard", NONE);
        diagnosed(Flaw.FIRST_SIGNATURE_ONLY, "stripe", NONE);
        diagnosed(Flaw.ROTATION_SHORTCUT, "standard", "several-signatures-trusted");
        diagnosed(Flaw.CASE_SENSITIVE_HEADERS, "vitable", NONE);
        diagnosed(Flaw.CASE_SENSITIVE_HEADERS, "standard", NONE);
        diagnosed(Flaw.VERIFIES_RESERIALIZED_BODY, "vitable", "body-not-raw");
        diagnosed(Flaw.VERIFIES_RESERIALIZED_BODY, "dfns", "body-not-raw");
        diagnosed(Flaw.WRONG_CHARSET, "preo", "body-not-raw");
        diagnosed(Flaw.WRONG_CHARSET, "github", "body-not-raw");
        diagnosed(Flaw.ECHOES_EXPECTED_SIGNATURE, "vitable", NONE);
        diagnosed(Flaw.ECHOES_EXPECTED_SIGNATURE, "github", NONE);
        diagnosed(Flaw.PROCESSES_DUPLICATES, "standard", "retries-processed-twice");
        diagnosed(Flaw.PROCESSES_DUPLICATES, "dfns", "retries-processed-twice");
        diagnosed(Flaw.PROCESSES_DUPLICATES_QUEUED, "standard", "retries-processed-twice");
        diagnosed(Flaw.PROCESSES_DUPLICATES_QUEUED, "github", "retries-processed-twice");
        diagnosed(Flaw.RACES_ON_DUPLICATES, "stripe", NONE);
        diagnosed(Flaw.REJECTS_DUPLICATES, "vitable", NONE);
        diagnosed(Flaw.REJECTS_DUPLICATES, "dfns", "duplicates-refused");
        diagnosed(Flaw.PROCESSES_BEFORE_VERIFYING, "preo", NONE);
        diagnosed(Flaw.ENQUEUES_FORGED, "standard", NONE);
        diagnosed(Flaw.ENQUEUES_FORGED, "dfns", NONE);
        diagnosed(Flaw.CLAIMS_BEFORE_VERIFYING, "standard", "id-claimed-before-verifying");
        diagnosed(Flaw.CLAIMS_BEFORE_VERIFYING, "dfns", NONE);
        diagnosed(Flaw.DEDUPES_BY_BODY_HASH, "standard", NONE);
        diagnosed(Flaw.DEDUPES_BY_BODY_HASH, "github", NONE);
        diagnosed(Flaw.DEDUPES_BY_RESOURCE, "vitable", NONE);
        diagnosed(Flaw.DEDUPES_BY_RESOURCE, "stripe", NONE);
        diagnosed(Flaw.IGNORES_RETRY_OF, "dfns", NONE);
        diagnosed(Flaw.DROPS_WHEN_BUSY, "standard", NONE);
        diagnosed(Flaw.FAILS_ON_UNKNOWN_TYPE, "vitable", NONE);
        diagnosed(Flaw.FAILS_ON_UNKNOWN_TYPE, "github", NONE);
        diagnosed(Flaw.PARSES_BEFORE_VERIFYING, "stripe", NONE);
        diagnosed(Flaw.ANSWERS_SLOWLY, "standard", NONE);
        diagnosed(Flaw.TRUNCATES_BODY, "preo", NONE);
        diagnosed(Flaw.ANSWERS_204, "dfns", NONE);
        diagnosed(Flaw.REDIRECTS, "standard", "redirects");
        diagnosed(Flaw.STRICT_CONTENT_TYPE, "vitable", NONE);
        diagnosed(Flaw.IGNORES_HANDSHAKE, "zoom", NONE);
        diagnosed(Flaw.IGNORES_HANDSHAKE, "twitch", NONE);
        diagnosed(Flaw.IGNORES_HANDSHAKE, "slack", NONE);
        diagnosed(Flaw.IGNORES_HANDSHAKE, "dropbox", NONE);
        diagnosed(Flaw.EXPECTS_AN_EVENT, "twitch", NONE);
        diagnosed(Flaw.ANSWERS_FORGED_HANDSHAKE, "twitch", NONE);
    }

    private static void diagnosed(Flaw flaw, String profile, String diagnosis) {
        DIAGNOSED.put(key(flaw, profile), diagnosis);
    }

    private static void expect(Flaw flaw, String profile, String ids) {
        EXPECTED.put(key(flaw, profile), new TreeSet<>(Arrays.asList(ids.split(" "))));
    }

    private static String key(Flaw flaw, String profile) {
        return flaw + "/" + profile;
    }

    /** One receiver's run: correct (flaw null), immediate or queued, or flawed. */
    record Row(Flaw flaw, boolean queued, Profile profile, Secret secret, List<CheckResult> results) {
        String label() {
            return flaw != null ? flaw.description : queued ? CORRECT_QUEUED : CORRECT;
        }

        Set<String> failed() {
            return results.stream().filter(CheckResult::failed).map(CheckResult::id)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        CheckResult result(String id) {
            return results.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        }
    }

    static final String CORRECT = "**correct**";
    static final String CORRECT_QUEUED = "**correct**, processes from a queue";

    private static final List<Row> ROWS = new ArrayList<>();

    /**
     * Every receiver, {@value #PARALLEL} at a time: most of a row's time is spent waiting for a queue's
     * workers or a settle window, not on the CPU. Rows keep their declared order.
     */
    @BeforeAll
    static void runEveryReceiver() throws Exception {
        List<Callable<Row>> rows = new ArrayList<>();
        for (Profile profile : Profiles.all()) {
            rows.add(() -> run(null, profile, new ReferenceReceiver(profile, Secrets.of(profile.name())), true));
        }
        for (Profile profile : Profiles.all()) {
            rows.add(() -> run(null, profile, new ReferenceReceiver(profile, Secrets.of(profile.name())).queued(),
                    true));
        }
        for (Flaw flaw : Flaw.values()) {
            for (String name : flaw.profiles) {
                Profile profile = Profiles.get(name);
                rows.add(() -> run(flaw, profile, flaw.receiver(profile, Secrets.of(name)), false));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            for (Future<Row> row : pool.invokeAll(rows)) {
                ROWS.add(row.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static final int PARALLEL = 4;

    /** Correct receivers are observed through the HTTP probe, flawed ones through the Java one: both kinds run. */
    private static Row run(Flaw flaw, Profile profile, ReferenceReceiver receiver, boolean httpProbe) {
        try (receiver) {
            receiver.start();
            Receiver target = Receiver.of(receiver.url(), profile, Secrets.of(profile.name()))
                    .withProbe(httpProbe ? Probe.http(receiver.probeTemplate()) : receiver.probe())
                    .withTimeout(Duration.ofSeconds(5))
                    .withLatencyBound(LATENCY_BOUND);
            return new Row(flaw, receiver.isQueued(), profile, Secrets.of(profile.name()),
                    Conformance.run(target, Options.defaults().settle(SETTLE)));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCorrectReceiverPassesEveryCheckThatApplies() {
        return ROWS.stream().filter(row -> row.flaw() == null).map(row -> dynamicTest(row.profile().name()
                + (row.queued() ? " (queued)" : ""), () -> {
            List<String> wrong = row.results().stream().filter(r -> r.level().isApplicable() && !r.passed())
                    .map(r -> r.message() + EvidenceText.of(r.evidence())).toList();
            assertThat(wrong).as("checks a correct %s receiver did not pass", row.profile().name()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyFlawedReceiverFailsExactlyTheChecksThatNameItsFlaw() {
        return ROWS.stream().filter(row -> row.flaw() != null).map(row -> dynamicTest(
                row.flaw() + " (" + row.profile().name() + ")", () -> {
                    Set<String> expected = EXPECTED.get(key(row.flaw(), row.profile().name()));
                    assertThat(expected).as("declare the checks that name %s on %s in EXPECTED", row.flaw(),
                            row.profile().name()).isNotNull();
                    assertThat(row.failed()).as("failed checks of a receiver that %s (%s); messages:%n%s",
                            row.flaw().description, row.profile().name(), messages(row)).isEqualTo(expected);
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyFlawedReceiverGetsTheDiagnosisOfItsFlaw() {
        return ROWS.stream().filter(row -> row.flaw() != null).map(row -> dynamicTest(
                row.flaw() + " (" + row.profile().name() + ")", () -> {
                    String expected = DIAGNOSED.get(key(row.flaw(), row.profile().name()));
                    assertThat(expected).as("declare the diagnosis of %s on %s in DIAGNOSED", row.flaw(),
                            row.profile().name()).isNotNull();
                    Report report = new Report(row.profile().name(), "http://receiver", Instant.EPOCH, 0,
                            row.results());
                    if (expected.equals(NONE)) {
                        assertThat(report.diagnoses()).as("a receiver that %s", row.flaw().description).isEmpty();
                        assertThat(report.otherFailures()).extracting(CheckResult::id)
                                .containsExactlyInAnyOrderElementsOf(row.failed());
                    } else {
                        assertThat(report.diagnoses()).as("a receiver that %s", row.flaw().description)
                                .extracting(Diagnosis::id).containsExactly(expected);
                        assertThat(report.diagnoses().get(0).ids()).as("the checks %s explains", expected)
                                .containsExactlyInAnyOrderElementsOf(row.failed());
                        assertThat(report.otherFailures()).isEmpty();
                    }
                }));
    }

    @Test
    void noCorrectReceiverGetsADiagnosis() {
        for (Row row : ROWS.stream().filter(row -> row.flaw() == null).toList()) {
            Report report = new Report(row.profile().name(), "http://receiver", Instant.EPOCH, 0, row.results());
            assertThat(report.diagnoses()).as(row.label() + " " + row.profile().name()).isEmpty();
        }
    }

    @Test
    void everyFlawHasADeclaredDiagnosis() {
        assertThat(DIAGNOSED.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    private static String messages(Row row) {
        return row.results().stream().filter(CheckResult::failed).map(CheckResult::message)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void everyDeclaredExpectationIsExercised() {
        Set<String> exercised = ROWS.stream().filter(row -> row.flaw() != null)
                .map(row -> key(row.flaw(), row.profile().name())).collect(Collectors.toSet());
        assertThat(exercised).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void everyCheckCatchesAtLeastOneFlaw() {
        Set<String> caught = EXPECTED.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(Checks.all().stream().map(CheckInfo::id)).allMatch(caught::contains, "caught by a flaw");
    }

    @Test
    void noResultOfAnyCheckContainsASecret() {
        for (Row row : ROWS) {
            for (CheckResult result : row.results()) {
                String everything = result + EvidenceText.of(result.evidence());
                for (String secretText : secretTexts(row.secret())) {
                    assertThat(everything).as("%s on %s", result.id(), row.label()).doesNotContain(secretText);
                }
            }
        }
    }

    static List<String> secretTexts(Secret secret) {
        String text = secret.reveal();
        return text.startsWith("whsec_") ? List.of(text, text.substring("whsec_".length())) : List.of(text);
    }

    @Test
    void theCommittedMatrixIsTheOneTheChecksProduce() throws IOException {
        String rendered = render();
        Files.createDirectories(RENDERED.getParent());
        Files.writeString(RENDERED, rendered, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("hookcheck.updateMatrix")) {
            Files.writeString(COMMITTED, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED)).as("%s is missing: regenerate it with"
                + " mvn -pl conformance-tests -am verify -Dhookcheck.updateMatrix=true", COMMITTED).isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("%s differs from the matrix the checks produce (%s): review the difference, then regenerate it"
                        + " with mvn -pl conformance-tests -am verify -Dhookcheck.updateMatrix=true", COMMITTED, RENDERED)
                .isEqualTo(rendered);
    }

    /** Rows: receivers; columns: checks. ✗ failed, (✗) failed a recommended check, · passed, – does not apply. */
    static String render() {
        List<CheckInfo> checks = Checks.all();
        StringBuilder md = new StringBuilder();
        md.append("| receiver | profile | ")
                .append(checks.stream().map(CheckInfo::id).collect(Collectors.joining(" | "))).append(" |\n");
        md.append("|---|---|").append(":-:|".repeat(checks.size())).append('\n');
        for (Row row : ROWS) {
            md.append("| ").append(row.label()).append(" | ").append(row.profile().name()).append(" |");
            for (CheckInfo check : checks) {
                md.append(' ').append(cell(row.result(check.id()))).append(" |");
            }
            md.append('\n');
        }
        md.append("\nLegend: ✗ failed (the flaw is caught); (✗) failed a check that is only recommended for the"
                + " profile; · passed; – does not apply to the profile.\n");
        return md.toString();
    }

    private static String cell(CheckResult result) {
        if (!result.level().isApplicable()) {
            return "–";
        }
        return switch (result.outcome()) {
            case PASSED -> "·";
            case FAILED -> result.level().kind() == Level.Kind.RECOMMENDED ? "(✗)" : "✗";
            case SKIPPED -> "s";
        };
    }
}
