package dev.hookcheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookcheck.conformance.CheckResult.Cause;
import dev.hookcheck.conformance.CheckResult.Outcome;
import dev.hookcheck.conformance.reference.ReferenceReceiver;
import dev.hookcheck.conformance.reference.Secrets;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.SignatureScheme;
import dev.hookcheck.core.signing.SignatureSchemes;
import dev.hookcheck.core.signing.Tolerance;
import dev.hookcheck.core.signing.Verification;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConformanceTest {

    @Test
    void checksRunInCatalogOrderAndTheListenerHearsEachStartAndFinish() {
        try (ReferenceReceiver app = ReferenceReceiver.correct("stripe").start()) {
            List<String> heard = new ArrayList<>();
            ProgressListener listener = new ProgressListener() {
                @Override
                public void checkStarted(String id, String title) {
                    heard.add("start " + id);
                }

                @Override
                public void checkFinished(CheckResult result) {
                    heard.add(result.outcome().code() + " " + result.id());
                }
            };
            List<CheckResult> results = Conformance.run(receiver(app, "stripe"),
                    Options.defaults().checks("SIG-002", "SIG-001").listener(listener));
            assertThat(results).extracting(CheckResult::id).containsExactly("SIG-001", "SIG-002");
            assertThat(heard).containsExactly("start SIG-001", "passed SIG-001", "start SIG-002", "passed SIG-002");
            assertThat(results.get(0).message()).isEqualTo("[SIG-001] accepts a correctly signed delivery: passed");
            assertThat(results.get(0).evidence().response().status()).isEqualTo(200);
            assertThat(results.get(1).evidence().request().headers()).doesNotContainKey("Stripe-Signature");
        }
    }

    @Test
    void anUnknownCheckIdFailsTheRunBeforeAnythingIsSent() {
        Receiver receiver = Receiver.of("http://localhost:1/", "vitable", Secret.of("s"));
        assertThatThrownBy(() -> Conformance.run(receiver, Options.defaults().checks("SIG-999")))
                .hasMessageStartingWith("unknown check id(s) [SIG-999]; known ids: SIG-001, SIG-002");
    }

    @Test
    void requiredOnlyLeavesOutRecommendedAndNotApplicableChecks() {
        Receiver receiver = Receiver.of("http://localhost:1/", "stripe", Secret.of("s"));
        List<CheckResult> results = Conformance.run(receiver, Options.defaults()
                .checks("RPL-003", "IDM-004", "SIG-001").minimumLevel(Level.Kind.REQUIRED));
        assertThat(results).extracting(CheckResult::id).containsExactly("SIG-001");
    }

    @Test
    void notApplicableChecksAreListedAsSkippedWithTheirReasonAndNeedNoReceiver() {
        Receiver receiver = Receiver.of("http://localhost:1/", "github", Secret.of("s"));
        List<CheckResult> results = Conformance.run(receiver, Options.defaults().checks("RPL-001", "IDM-001"));
        assertThat(results).extracting(CheckResult::outcome).containsOnly(Outcome.SKIPPED);
        assertThat(results).extracting(CheckResult::message).containsExactly(
                "[RPL-001] rejects a timestamp just beyond the tolerance: not applicable: GitHub signs no timestamp,"
                        + " so there is no replay window",
                "[IDM-001] processes a retried event once and acknowledges the retry: not verified: no probe (pass"
                        + " --probe-url, --probe-sql or --probe-cmd, or Receiver.withProbe, so the kit can count how"
                        + " often the receiver processed each event)");
        assertThat(results).extracting(CheckResult::cause).containsExactly(Cause.NOT_APPLICABLE, Cause.NO_PROBE);
        assertThat(results).extracting(CheckResult::evidence).containsOnlyNulls();
    }

    @Test
    void anUnreachableReceiverFailsEveryCheckWithWhatWasSeen() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Receiver receiver = Receiver.of("http://127.0.0.1:" + closedPort + "/webhooks", "vitable", Secret.of("s"));
        CheckResult result = Conformance.run(receiver, Options.defaults().checks("SIG-002")).get(0);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("[SIG-002] rejects a delivery without a signature header: expected 4xx"
                + " for a delivery without X-Vitable-Signature, got no connection to http://127.0.0.1:" + closedPort);
        assertThat(result.evidence().response()).isNull();
    }

    @Test
    void theHttpProbeCountsLikeTheJavaOne() {
        try (ReferenceReceiver app = ReferenceReceiver.correct("preo").start()) {
            Receiver receiver = Receiver.of(app.url().toString(), "preo", Secrets.of("preo"))
                    .withProbe(Probe.http(app.probeTemplate()));
            assertThat(Conformance.run(receiver, Options.defaults().checks("RPL-006", "IDM-001", "IDM-003")))
                    .allMatch(CheckResult::passed);
        }
    }

    @Test
    void aDeclarativeSchemeIsCheckedLikeABuiltIn() {
        Profile custom = Profiles.get("preo").withScheme(SignatureSchemes.fromJson("""
                {"name": "preo-custom", "algorithm": "hmac-sha512", "signedContent": "{timestamp}:{body}",
                 "signature": {"header": "X-Preo-Sig", "style": "prefixed", "prefix": "v2=", "encoding": "base64"},
                 "timestamp": {"from": "header", "name": "X-Preo-Time"},
                 "tolerance": {"seconds": 120, "direction": "both", "edge": "inclusive"}}"""));
        try (ReferenceReceiver app = new ReferenceReceiver(custom, Secrets.of("preo")).start()) {
            Receiver receiver = Receiver.of(app.url(), custom, Secrets.of("preo")).withProbe(app.probe());
            List<CheckResult> results = Conformance.run(receiver);
            assertThat(results).filteredOn(r -> r.level().isApplicable()).allMatch(CheckResult::passed)
                    .extracting(CheckResult::id).contains("SIG-007", "SIG-010", "RPL-001", "RPL-002", "RPL-005");
        }
    }

    @Test
    void aSchemeThatDoesNotDescribeItsWireLeavesOutTheChecksThatNeedIt() {
        SignatureScheme opaque = new SignatureScheme() {
            public String name() { return "opaque"; }
            public String signatureHeader() { return "X-Opaque"; }
            public Tolerance defaultTolerance() { return Tolerance.none(); }
            public boolean supportsMultipleSignatures() { return false; }
            public Map<String, String> sign(List<Secret> s, String id, long t, byte[] body) {
                return Map.of("X-Opaque", "sig");
            }
            public Verification verify(Map<String, String> h, byte[] b, List<Secret> s, Clock c, Tolerance t) {
                return new Verification.Verified(java.util.OptionalLong.empty(), 0);
            }
        };
        Receiver receiver = Receiver.of(java.net.URI.create("http://localhost:1/"),
                Profiles.get("github").withScheme(opaque), Secret.of("s"));
        assertThat(Checks.all()).filteredOn(c -> !c.level(receiver).isApplicable()).extracting(c -> c.id())
                .contains("SIG-008", "SIG-009", "SIG-010", "SIG-017", "RPL-001");
        assertThat(Checks.find("SIG-008").orElseThrow().level(receiver).reason())
                .isEqualTo("the scheme does not describe its wire format; use a declarative scheme");
    }

    @Test
    void aTimestampTheProviderWritesInMillisecondsLeavesOutTheMillisecondCheck() {
        Profile millis = Profiles.get("dfns").withScheme(SignatureSchemes.fromJson("""
                {"name": "dfns-ms", "algorithm": "hmac-sha256", "signedContent": "{body}",
                 "signature": {"header": "X-DFNS-WEBHOOK-SIGNATURE", "style": "prefixed", "prefix": "sha256=",
                               "encoding": "hex"},
                 "timestamp": {"from": "body", "pointer": "/timestampSent", "unit": "milliseconds"},
                 "tolerance": {"seconds": 300, "direction": "both"}}"""));
        Receiver receiver = Receiver.of(java.net.URI.create("http://localhost:1/"), millis, Secret.of("s"));
        assertThat(Checks.find("RPL-004").orElseThrow().level(receiver).reason())
                .isEqualTo("Dfns's timestamp is in milliseconds, as it documents");
        assertThat(Checks.find("RPL-001").orElseThrow().level(receiver).isApplicable()).isTrue();
        assertThat(Checks.find("RPL-004").orElseThrow().level(Receiver.of(java.net.URI.create("http://localhost:1/"),
                Profiles.get("dfns"), Secret.of("s"))).isApplicable()).isTrue();
    }

    private static Receiver receiver(ReferenceReceiver app, String profile) {
        return Receiver.of(app.url().toString(), profile, Secrets.of(profile)).withProbe(app::timesProcessed);
    }
}
