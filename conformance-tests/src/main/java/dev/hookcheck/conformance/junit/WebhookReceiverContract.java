package dev.hookcheck.conformance.junit;

import dev.hookcheck.conformance.CheckInfo;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Options;
import dev.hookcheck.conformance.Receiver;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance contract of a webhook receiver, as a JUnit 5 test interface. Implement
 * {@link #receiver()} and every check becomes a test of its own, named by its id and title:
 *
 * <pre>{@code
 * class MyReceiverTest implements WebhookReceiverContract {
 *     @Override
 *     public Receiver receiver() {
 *         return Receiver.of("http://localhost:" + app.port() + "/webhooks", "vitable", Secret.of(SECRET))
 *                 .withProbe(app.store()::timesProcessed);
 *     }
 * }
 * }</pre>
 *
 * <p>Required checks come from a factory tagged {@code required}, recommended ones from one tagged
 * {@code recommended}, so {@code mvn test -Dgroups=required} runs the required ones only. A failed
 * check is a test failure ({@link AssertionError}) whose message reads
 * {@code [ID] title: expected …, got …. Hint: …} followed by the request sent and the response seen;
 * a skipped check (no probe) is an aborted test. Checks that do not apply to the profile are left out.
 * Start the receiver before the tests run, for example in {@code @BeforeAll}.
 */
public interface WebhookReceiverContract {

    /** The receiver under test, already listening. */
    Receiver receiver();

    /**
     * How the checks run: which ones ({@code Options.checks}), how long they wait for side effects to
     * settle ({@code Options.settle}), whether a missing probe fails them ({@code Options.requireProbe}).
     * The level is the factory's own: the required factory runs the required checks, the recommended one
     * the recommended checks.
     */
    default Options options() {
        return Options.defaults();
    }

    /**
     * Runs before every check, for a receiver that keeps state between requests: clear its tables,
     * caches or rate limits here so that no check sees what an earlier one left behind.
     *
     * @param check the check about to run
     */
    default void beforeEachCheck(CheckInfo check) throws Exception {}

    @TestFactory
    @Tag("required")
    @DisplayName("required checks")
    default Stream<DynamicTest> requiredChecks() {
        return ContractTests.of(this, Level.Kind.REQUIRED);
    }

    @TestFactory
    @Tag("recommended")
    @DisplayName("recommended checks")
    default Stream<DynamicTest> recommendedChecks() {
        return ContractTests.of(this, Level.Kind.RECOMMENDED);
    }
}
