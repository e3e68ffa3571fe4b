package dev.hookcheck.conformance.junit;

import dev.hookcheck.core.profile.Profiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hookcheck.conformance.CheckInfo;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Options;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.Checks;
import dev.hookcheck.conformance.reference.Flaw;
import dev.hookcheck.conformance.reference.ReferenceReceiver;
import dev.hookcheck.conformance.reference.Secrets;
import dev.hookcheck.core.Secret;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The contract seen from a consumer's test class, run through JUnit's own engine. */
class WebhookReceiverContractTest {

    // ---- consumer test classes (static nested: surefire does not run them on their own)

    static class CorrectVitable implements WebhookReceiverContract {
        static ReferenceReceiver app;

        @BeforeAll
        static void start() {
            app = ReferenceReceiver.correct("vitable").start();
        }

        @AfterAll
        static void stop() {
            app.close();
        }

        @Override
        public Receiver receiver() {
            return Receiver.of(app.url().toString(), "vitable", Secrets.of("vitable")).withProbe(app::timesProcessed);
        }
    }

    static class VitableWithoutProbe extends CorrectVitable {
        @Override
        public Receiver receiver() {
            return Receiver.of(app.url().toString(), "vitable", Secrets.of("vitable"));
        }
    }

    static class UnverifiedStandard implements WebhookReceiverContract {
        static ReferenceReceiver app;

        @BeforeAll
        static void start() {
            app = Flaw.NO_VERIFICATION.receiver("standard").start();
        }

        @AfterAll
        static void stop() {
            app.close();
        }

        @Override
        public Receiver receiver() {
            return Receiver.of(app.url().toString(), "standard", Secrets.of("standard")).withProbe(app::timesProcessed);
        }
    }

    /** A receiver whose state the contract resets before every check, with a narrower run. */
    static class ResetsBetweenChecks extends CorrectVitable {
        static final List<String> RESETS = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Options options() {
            return Options.defaults().checks("SIG-001", "SIG-002", "IDM-001", "CON-003").skip("SIG-002");
        }

        @Override
        public void beforeEachCheck(CheckInfo check) {
            RESETS.add(check.id());
        }
    }

    static class ReturnsNull implements WebhookReceiverContract {
        @Override
        public Receiver receiver() {
            return null;
        }
    }

    static class MisspelledProfile implements WebhookReceiverContract {
        @Override
        public Receiver receiver() {
            return Receiver.of("http://localhost:8080/webhooks", "vitabel", Secret.of("s3cret"));
        }
    }

    static class NoSecret implements WebhookReceiverContract {
        @Override
        public Receiver receiver() {
            return Receiver.of("http://localhost:8080/webhooks", "vitable");
        }
    }

    // ---- the tests

    private static EngineExecutionResults run(Class<?> testClass, Filter<?>... filters) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).filters(filters).execute();
    }

    private static long checks(String profile, Level.Kind kind) {
        Receiver receiver = Receiver.of("http://localhost:1/", profile, Secret.of("s"));
        return Checks.all().stream().filter(c -> c.level(receiver).kind() == kind).count();
    }

    @Test
    void theHookRunsBeforeEveryCheckAndTheOptionsChooseTheChecks() {
        ResetsBetweenChecks.RESETS.clear();
        EngineExecutionResults results = run(ResetsBetweenChecks.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(names(results.testEvents().started().list())).containsExactlyInAnyOrder(
                "SIG-001 accepts a correctly signed delivery",
                "IDM-001 processes a retried event once and acknowledges the retry",
                "CON-003 accepts application/json; charset=utf-8");
        assertThat(ResetsBetweenChecks.RESETS).containsExactlyInAnyOrder("SIG-001", "IDM-001", "CON-003");
    }

    @Test
    void aCorrectReceiverPassesEveryRequiredCheckAsATestOfItsOwn() {
        long required = checks("vitable", Level.Kind.REQUIRED);
        run(CorrectVitable.class, TagFilter.includeTags("required")).testEvents()
                .assertStatistics(stats -> stats.started(required).succeeded(required).failed(0).aborted(0));
    }

    @Test
    void theRecommendedTagSelectsOnlyTheRecommendedChecks() {
        long recommended = checks("vitable", Level.Kind.RECOMMENDED);
        EngineExecutionResults results = run(CorrectVitable.class, TagFilter.includeTags("recommended"));
        results.testEvents().assertStatistics(stats -> stats.started(recommended).succeeded(recommended));
        assertThat(names(results.testEvents().succeeded().list())).containsExactly("CON-003 accepts application/json;"
                + " charset=utf-8");
    }

    @Test
    void withoutATagFilterEveryApplicableCheckRunsAndNoneThatDoesNotApply() {
        long applicable = checks("vitable", Level.Kind.REQUIRED) + checks("vitable", Level.Kind.RECOMMENDED);
        EngineExecutionResults results = run(CorrectVitable.class);
        results.testEvents().assertStatistics(stats -> stats.started(applicable).succeeded(applicable));
        assertThat(names(results.testEvents().started().list()))
                .contains("SIG-001 accepts a correctly signed delivery", "IDM-002 processes concurrent duplicates once")
                .noneMatch(name -> name.startsWith("SIG-012")); // Vitable sends one signature: not applicable
    }

    @Test
    void aFailedCheckIsATestFailureWithTheCheckMessageTheRequestAndTheResponse() {
        EngineExecutionResults results = run(UnverifiedStandard.class, TagFilter.includeTags("required"));
        results.testEvents().assertStatistics(stats -> stats.failed(16).aborted(0));
        Throwable failure = throwableOf(results.testEvents().failed().list().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith("SIG-002")).findFirst().orElseThrow());
        assertThat(failure).isInstanceOf(AssertionFailedError.class);
        assertThat(failure.getMessage())
                .startsWith("[SIG-002] rejects a delivery without a signature header: expected 4xx for a delivery"
                        + " without webhook-signature, got 200. Hint: treat a missing signature header as a failed"
                        + " verification")
                .contains("request sent:\nPOST http://127.0.0.1:", "webhook-id: msg_", "response seen:\n200");
    }

    @Test
    void withoutAProbeTheIdempotencyChecksAreAbortedNotPassed() {
        EngineExecutionResults results = run(VitableWithoutProbe.class, TagFilter.includeTags("required"));
        results.testEvents().assertStatistics(stats -> stats.aborted(7).failed(0));
        assertThat(results.testEvents().aborted().list()).allSatisfy(event -> {
            assertThat(throwableOf(event)).isInstanceOf(TestAbortedException.class);
            assertThat(throwableOf(event).getMessage()).contains(": not verified: no probe (pass --probe-url");
        });
    }

    @Test
    void aReceiverMethodReturningNullSaysWhatToReturn() {
        assertThat(misuseMessages(ReturnsNull.class)).allMatch(message -> message.equals("ReturnsNull.receiver()"
                + " returned null: return the receiver under test, for example Receiver.of(\"http://localhost:8080"
                + "/webhooks\", \"vitable\", Secret.of(secret)), and start it before the tests run (in @BeforeAll or"
                + " @BeforeEach)"));
    }

    @Test
    void anUnknownProfileIsNamedWithTheKnownOnes() {
        assertThat(misuseMessages(MisspelledProfile.class)).allMatch(message -> message.equals(
                "MisspelledProfile.receiver() failed: unknown profile 'vitabel'; known profiles: "
                        + String.join(", ", Profiles.names())));
    }

    @Test
    void aMissingSecretSaysHowToPassOne() {
        assertThat(misuseMessages(NoSecret.class)).allMatch(message -> message.equals(
                "NoSecret.receiver() failed: the receiver needs the secret it verifies with:"
                        + " Receiver.of(url, profile, Secret.of(System.getenv(\"WEBHOOK_SECRET\")))"));
    }

    /** Misuse fails both factories (containers) before any check runs. */
    private static List<String> misuseMessages(Class<?> testClass) {
        EngineExecutionResults results = run(testClass);
        results.testEvents().assertStatistics(stats -> stats.started(0));
        List<Event> failed = results.containerEvents().failed().list();
        assertThat(failed).hasSize(2);
        return failed.stream().map(e -> throwableOf(e).getMessage()).toList();
    }

    private static Throwable throwableOf(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    private static List<String> names(List<Event> events) {
        return events.stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }

}
