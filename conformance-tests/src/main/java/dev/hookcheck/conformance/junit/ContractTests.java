package dev.hookcheck.conformance.junit;

import dev.hookcheck.conformance.CheckInfo;
import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Checks;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Options;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.check.Check;
import dev.hookcheck.conformance.internal.EvidenceText;
import dev.hookcheck.conformance.internal.check.Runner;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The catalog as JUnit 5 dynamic tests, one per check, named by its id and title: a failed check is
 * a test failure, a skipped one an aborted test. {@link WebhookReceiverContract} uses it; so can a
 * {@code @TestFactory} of your own that a JUnit Platform launcher runs:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> checks() {
 *     return ContractTests.of(receiver, Options.defaults().checks("SIG-001", "RPL-001"));
 * }
 * }</pre>
 */
public final class ContractTests {
    private ContractTests() {}

    /**
     * The checks the options select, as {@code Conformance.run} would run them; each test tells the
     * options' listener what its check found before it passes, fails or aborts.
     */
    public static Stream<DynamicTest> of(Receiver receiver, Options options) {
        Runner runner = new Runner(receiver, options);
        return runner.selection().stream().map(check -> test(runner, check, info -> { }));
    }

    static Stream<DynamicTest> of(WebhookReceiverContract contract, Level.Kind kind) {
        Receiver receiver = receiverOf(contract);
        Options options = contract.options();
        if (options == null) {
            throw new IllegalStateException(contract.getClass().getSimpleName() + ".options() returned null: return"
                    + " Options.defaults() or leave the method out");
        }
        Runner runner = new Runner(receiver, options.minimumLevel(Level.Kind.RECOMMENDED));
        return runner.selection().stream()
                .filter(check -> check.level(receiver).kind() == kind)
                .map(check -> test(runner, check, contract::beforeEachCheck));
    }

    /** What runs before a check's test: the contract's hook. */
    private interface BeforeCheck {
        void run(CheckInfo check) throws Exception;
    }

    private static DynamicTest test(Runner runner, Check check, BeforeCheck before) {
        return DynamicTest.dynamicTest(check.id() + " " + check.title(), () -> {
            before.run(Checks.find(check.id()).orElseThrow());
            verdict(runner.run(check));
        });
    }

    private static Receiver receiverOf(WebhookReceiverContract contract) {
        String where = contract.getClass().getSimpleName() + ".receiver()";
        Receiver receiver;
        try {
            receiver = contract.receiver();
        } catch (RuntimeException misuse) {
            throw new IllegalStateException(where + " failed: " + misuse.getMessage(), misuse);
        }
        if (receiver == null) {
            throw new IllegalStateException(where + " returned null: return the receiver under test, for example"
                    + " Receiver.of(\"http://localhost:8080/webhooks\", \"vitable\", Secret.of(secret)), and start it"
                    + " before the tests run (in @BeforeAll or @BeforeEach)");
        }
        return receiver;
    }

    private static void verdict(CheckResult result) {
        switch (result.outcome()) {
            case PASSED -> { }
            case FAILED -> throw new AssertionFailedError(result.message() + EvidenceText.of(result.evidence()));
            case SKIPPED -> throw new TestAbortedException(result.message());
        }
    }
}
