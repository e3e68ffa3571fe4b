package dev.hookcheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.CheckResult.Cause;
import dev.hookcheck.conformance.CheckResult.Outcome;
import dev.hookcheck.conformance.reference.Flaw;
import dev.hookcheck.conformance.reference.ReferenceReceiver;
import dev.hookcheck.conformance.reference.Secrets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Side effects are read once they have settled: queued receivers are judged on what their workers did. */
class SettledObservationTest {
    private static final String[] SIDE_EFFECTS = {"RPL-006", "IDM-001", "IDM-002", "IDM-003", "IDM-005", "IDM-006",
            "IDM-007", "IDM-008"};

    private static Receiver target(ReferenceReceiver app, String profile) {
        return Receiver.of(app.url().toString(), profile, Secrets.of(profile)).withProbe(Probe.http(app.probeTemplate()));
    }

    private static Map<String, Outcome> outcomes(List<CheckResult> results) {
        return results.stream().collect(Collectors.toMap(CheckResult::id, CheckResult::outcome));
    }

    @Test
    void aReceiverWhoseWorkersTakeTwoSecondsPassesEverySideEffectCheckWithTheDefaultWindow() {
        try (ReferenceReceiver app = ReferenceReceiver.correct("standard").queued(Duration.ofSeconds(2)).start()) {
            List<CheckResult> results = Conformance.run(target(app, "standard"), Options.defaults().checks(SIDE_EFFECTS));
            assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PASSED));
        }
    }

    @Test
    void aQueuedReceiverThatProcessesDuplicatesLateIsCaught() {
        try (ReferenceReceiver app = Flaw.PROCESSES_DUPLICATES.receiver("standard").queued(Duration.ofMillis(1500))
                .start()) {
            Map<String, Outcome> found = outcomes(Conformance.run(target(app, "standard"),
                    Options.defaults().checks("RPL-006", "IDM-001", "IDM-003")));
            assertThat(found).containsEntry("RPL-006", Outcome.FAILED).containsEntry("IDM-001", Outcome.FAILED)
                    .containsEntry("IDM-003", Outcome.PASSED);
        }
    }

    @Test
    void aWindowShorterThanTheWorkersIsNamedInTheVerdict() {
        try (ReferenceReceiver app = ReferenceReceiver.correct("vitable").queued(Duration.ofMillis(1500)).start()) {
            CheckResult result = Conformance.run(target(app, "vitable"),
                    Options.defaults().checks("IDM-001").settle(Duration.ofMillis(400))).get(0);
            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.message()).contains("got never processed within 400 ms, nor was a later event sent to"
                    + " check it: if the receiver processes only some event types, name them (--event-type)");
        }
    }

    @Test
    void theChecksSendBusinessEventsNeverAPing() {
        try (ReferenceReceiver app = ReferenceReceiver.correct("github").processingOnly("push").start()) {
            List<CheckResult> results = Conformance.run(target(app, "github"), Options.defaults().checks(SIDE_EFFECTS));
            assertThat(results).filteredOn(r -> r.level().isApplicable())
                    .allSatisfy(r -> assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PASSED));
        }
    }

    @Test
    void aReceiverThatProcessesOnlySomeTypesIsCheckedWithThoseTypes() {
        try (ReferenceReceiver app = ReferenceReceiver.correct("stripe").processingOnly("invoice.paid").start()) {
            Receiver receiver = target(app, "stripe");
            Options quick = Options.defaults().checks("IDM-001", "IDM-005", "IDM-007").settle(Duration.ofMillis(500));

            assertThat(outcomes(Conformance.run(receiver, quick))).containsOnlyKeys("IDM-001", "IDM-005", "IDM-007")
                    .containsValues(Outcome.FAILED);
            assertThat(Conformance.run(receiver.withEventTypes("invoice.paid"), quick))
                    .allSatisfy(r -> assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.PASSED));
        }
    }

    @Test
    void aProbeThatCountsNothingIsToldApartFromAReceiverThatProcessesNothing() {
        try (ReferenceReceiver app = ReferenceReceiver.correct("preo").start()) {
            Receiver receiver = target(app, "preo").withProbe(id -> 0);
            CheckResult result = Conformance.run(receiver, Options.defaults().checks("IDM-001")
                    .settle(Duration.ofMillis(300))).get(0);
            assertThat(result.message()).contains("never processed within 300 ms, nor was a later event sent to check"
                    + " it", "otherwise check that the probe counts what the receiver does");
        }
    }

    @Test
    void aProbeThatCountsAnEventNeverSentFailsEveryCheckThatNeedsItAsAProbeError() {
        try (ReferenceReceiver app = ReferenceReceiver.correct("preo").start()) {
            List<CheckResult> results = Conformance.run(target(app, "preo").withProbe(id -> 1),
                    Options.defaults().checks("SIG-001", "IDM-001", "IDM-003"));
            assertThat(results.get(0).outcome()).isEqualTo(Outcome.PASSED);
            assertThat(results.subList(1, 3)).allSatisfy(r -> {
                assertThat(r.cause()).isEqualTo(Cause.PROBE_ERROR);
                assertThat(r.message()).contains("the probe does not work: it counted 1 for the event id"
                        + " hookcheck-never-sent-");
            });
        }
    }

    @Test
    void aProbeThatFailsIsAProbeErrorInItsOwnWords() {
        try (ReferenceReceiver app = ReferenceReceiver.correct("preo").start()) {
            CheckResult result = Conformance.run(target(app, "preo").withProbe(id -> {
                throw new java.io.IOException("connection refused by redis at 127.0.0.1:6379");
            }), Options.defaults().checks("IDM-001")).get(0);
            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.cause()).isEqualTo(Cause.PROBE_ERROR);
            assertThat(result.message()).endsWith("the probe does not work: connection refused by redis at"
                    + " 127.0.0.1:6379");
        }
    }

    @Test
    void withoutAProbeTheChecksAreNotVerifiedAndRequiringOneFailsThem() {
        try (ReferenceReceiver app = ReferenceReceiver.correct("stripe").start()) {
            Receiver receiver = Receiver.of(app.url().toString(), "stripe", Secrets.of("stripe"));
            CheckResult lax = Conformance.run(receiver, Options.defaults().checks("IDM-001")).get(0);
            CheckResult strict = Conformance.run(receiver, Options.defaults().checks("IDM-001").requireProbe(true)).get(0);

            assertThat(lax.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(lax.notVerified()).isTrue();
            assertThat(strict.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(strict.cause()).isEqualTo(Cause.NO_PROBE);
            assertThat(strict.message()).contains("a probe is required");
        }
    }
}
