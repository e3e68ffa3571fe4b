package dev.hookcheck.conformance.junit;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.check.Checks;
import dev.hookcheck.conformance.internal.EvidenceText;
import dev.hookcheck.conformance.internal.Runner;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Turns the catalog into dynamic tests for {@link WebhookReceiverContract}. */
final class ContractTests {
    private ContractTests() {}

    static Stream<DynamicTest> of(WebhookReceiverContract contract, Level.Kind kind) {
        Receiver receiver = receiverOf(contract);
        Runner runner = new Runner(receiver);
        return Checks.all().stream()
                .filter(check -> check.level(receiver).kind() == kind)
                .map(check -> DynamicTest.dynamicTest(check.id() + " " + check.title(), () -> verdict(runner.run(check))));
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
