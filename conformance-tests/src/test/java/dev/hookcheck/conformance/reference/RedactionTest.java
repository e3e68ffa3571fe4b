package dev.hookcheck.conformance.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Conformance;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.EvidenceText;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.Verification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A receiver may leak its secret; a result never carries it further. */
class RedactionTest {

    /** Puts its own secret into every refusal, body and header. */
    static final class LeaksItsSecret extends ReferenceReceiver {
        LeaksItsSecret() {
            super(Profiles.get("standard"), Secrets.of("standard"));
        }

        @Override
        Reply refuse(Request request, Verification.Rejected rejected) {
            String secret = secrets.get(0).reveal();
            return new Reply(401, java.util.Map.of("X-Debug-Secret", secret), "{\"secret\":\"" + secret + "\"}");
        }
    }

    @Test
    void aSecretEchoedByTheReceiverIsBlankedInEveryResult() {
        try (ReferenceReceiver app = new LeaksItsSecret().start()) {
            List<CheckResult> results = Conformance.run(Receiver.of(app.url(), app.profile, Secrets.of("standard"))
                    .withProbe(app.probe()));
            CheckResult missing = results.stream().filter(r -> r.id().equals("SIG-002")).findFirst().orElseThrow();
            assertThat(missing.evidence().response().body()).isEqualTo("{\"secret\":\"[secret]\"}");
            assertThat(missing.evidence().response().headers()).containsEntry("x-debug-secret", "[secret]");
            for (CheckResult result : results) {
                String everything = result + EvidenceText.of(result.evidence());
                DetectionMatrixTest.secretTexts(Secrets.of("standard"))
                        .forEach(secret -> assertThat(everything).doesNotContain(secret));
            }
        }
    }
}
