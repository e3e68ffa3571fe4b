package dev.hookcheck.conformance.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Conformance;
import dev.hookcheck.conformance.Options;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.EvidenceText;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Payload;
import dev.hookcheck.core.profile.PayloadBuilder;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A body that is a JSON array of events is checked like an object body: its fields are its first event's.
 * Stripe's profile with each body wrapped in an array (its key and type are fields of the body, its
 * timestamp in a header): the correct receiver passes every check that applies, the flawed ones fail theirs.
 */
class ArrayBodyTest {
    static final Secret SECRET = Secrets.of("stripe");
    static final Profile ARRAYS = inArrays(Profiles.get("stripe"));

    static Profile inArrays(Profile p) {
        PayloadBuilder object = p.payloads();
        PayloadBuilder array = (event, attempt) -> {
            Payload one = object.build(event, attempt);
            byte[] body = ("[" + one.bodyText() + "]").getBytes(StandardCharsets.UTF_8);
            return new Payload(body, one.headers(), one.signingId(), one.timestamp(), one.idempotencyKey());
        };
        return new Profile(p.name(), p.displayName(), p.scheme(), p.secretFormat(), p.secrets(), p.successRule(),
                p.retryPolicy(), p.circuitBreaker(), p.timeout(), p.rules(), p.traits(), p.events(), p.ids(), array,
                p.examples(), p.lifecycle(), p.idempotencyKey(), p.fields(), p.seededEndpoints(), p.assumptions(),
                p.position());
    }

    private static List<CheckResult> run(ReferenceReceiver receiver, String... checks) {
        try (ReferenceReceiver running = receiver.start()) {
            Options options = Options.defaults().settle(DetectionMatrixTest.SETTLE);
            return Conformance.run(Receiver.of(running.url(), ARRAYS, SECRET).withProbe(running.probe())
                    .withTimeout(Duration.ofSeconds(5)), checks.length == 0 ? options : options.checks(checks));
        }
    }

    @Test
    void aCorrectReceiverOfArrayBodiesPassesEveryCheckThatApplies() {
        List<String> wrong = run(new ReferenceReceiver(ARRAYS, SECRET)).stream()
                .filter(r -> r.level().isApplicable() && !r.passed())
                .map(r -> r.id() + ": " + r.message() + EvidenceText.of(r.evidence())).toList();

        assertThat(wrong).isEmpty();
    }

    @Test
    void aReceiverThatVerifiesTheReserializedArrayFailsTheRawBodyCheck() {
        assertThat(run(Flaw.VERIFIES_RESERIALIZED_BODY.receiver(ARRAYS, SECRET), "SIG-015"))
                .extracting(CheckResult::outcome).containsExactly(CheckResult.Outcome.FAILED);
    }

    @Test
    void aReceiverThatProcessesDuplicatesOfArrayBodiesFailsTheIdempotencyChecks() {
        assertThat(run(Flaw.PROCESSES_DUPLICATES.receiver(ARRAYS, SECRET), "IDM-001", "IDM-002"))
                .extracting(CheckResult::outcome).containsOnly(CheckResult.Outcome.FAILED);
    }
}
