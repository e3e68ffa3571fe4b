package dev.hookcheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.CheckResult.Cause;
import dev.hookcheck.conformance.CheckResult.Outcome;
import dev.hookcheck.conformance.reference.Secrets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hostile receiver costs a run a bounded time and memory, and no check passes without an answer. */
class BoundedRunTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private static Receiver target(HostileReceiver hostile) {
        return Receiver.of(hostile.url(), dev.hookcheck.core.profile.Profiles.get("standard"), Secrets.of("standard"))
                .withTimeout(TIMEOUT);
    }

    @Test
    void aReceiverThatNeverAnswersEndsTheRunAfterTwoChecksWithOneDiagnosis() {
        try (HostileReceiver silent = new HostileReceiver(HostileReceiver.Mode.SILENT)) {
            List<CheckResult> results = Conformance.run(target(silent));

            assertThat(results.subList(0, 2)).extracting(CheckResult::outcome).containsOnly(Outcome.FAILED);
            assertThat(results.get(0).message()).contains("got no answer within 1000 ms");
            assertThat(results.subList(2, results.size())).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED);
                assertThat(r.cause()).isIn(Cause.NOT_RUN, Cause.NOT_APPLICABLE);
            });
            assertThat(results.stream().filter(r -> r.cause() == Cause.NOT_RUN).findFirst().orElseThrow().message())
                    .endsWith("not run: no answer from " + silent.url() + " within 1 s to 2 checks in a row");
            assertThat(silent.requests).as("two checks' requests, not one per check").hasValue(2);
        }
    }

    @Test
    void aBodyTrickledAfterTheHeadersGetsNoMoreTimeThanTheDeadline() {
        try (HostileReceiver trickle = new HostileReceiver(HostileReceiver.Mode.TRICKLE)) {
            long start = System.nanoTime();
            CheckResult result = Conformance.run(target(trickle), Options.defaults().checks("SIG-001")).get(0);
            long elapsed = (System.nanoTime() - start) / 1_000_000;

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.message()).contains("got no answer within 1000 ms");
            assertThat(result.evidence().response()).isNull();
            assertThat(elapsed).isLessThan(TIMEOUT.toMillis() + 1500);
        }
    }

    @Test
    void aHugeAnswerIsReadOnlyUpToTheCap() {
        try (HostileReceiver huge = new HostileReceiver(HostileReceiver.Mode.HUGE)) {
            CheckResult result = Conformance.run(target(huge), Options.defaults().checks("SIG-001")).get(0);

            assertThat(result.outcome()).isEqualTo(Outcome.PASSED);
            assertThat(result.evidence().response().body()).hasSizeLessThan(5000)
                    .endsWith("… (more than 65536 bytes; the rest was not read)");
        }
    }

    @Test
    void checksThatLookOnlyAtWhatCameBackDoNotPassWhenNothingCame() {
        try (HostileReceiver silent = new HostileReceiver(HostileReceiver.Mode.SILENT)) {
            List<CheckResult> results = Conformance.run(target(silent), Options.defaults().checks("SIG-017"));
            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
                assertThat(r.message()).contains("expected an answer to every request, got no answer within 1000 ms");
            });
        }
        try (HostileReceiver silent = new HostileReceiver(HostileReceiver.Mode.SILENT)) {
            List<CheckResult> results = Conformance.run(target(silent), Options.defaults().checks("CON-002"));
            assertThat(results).singleElement().extracting(CheckResult::outcome).isEqualTo(Outcome.FAILED);
        }
    }

    @Test
    void aKeptAliveConnectionTheReceiverClosedIsNotTakenForADeadReceiver() {
        try (HostileReceiver closing = new HostileReceiver(HostileReceiver.Mode.CLOSES_KEPT_ALIVE)) {
            List<CheckResult> results = Conformance.run(target(closing),
                    Options.defaults().checks("SIG-001", "ROB-001", "CON-001", "CON-002"));

            assertThat(results).extracting(CheckResult::outcome).containsOnly(Outcome.PASSED);
            // every request after the first met a closed connection once, and was sent again on a new one
            assertThat(closing.requests.get()).isEqualTo(2 * results.size() - 1);
        }
    }

    @Test
    void aReceiverThatDropsEveryRequestIsSentEachOnlyTwiceAndFails() {
        try (HostileReceiver drops = new HostileReceiver(HostileReceiver.Mode.DROPS)) {
            CheckResult result = Conformance.run(target(drops), Options.defaults().checks("SIG-001")).get(0);

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.message()).contains("got no answer (");
            assertThat(drops.requests.get()).isEqualTo(2);
        }
    }
}
