package dev.hookcheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.Tolerance;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReceiverTest {
    private static final Secret SECRET = Secret.of("vitable_secret");

    @Test
    void theProviderDefaultsApplyUntilOverridden() {
        Receiver receiver = Receiver.of("http://localhost:8080/webhooks", "vitable", SECRET);
        assertThat(receiver.tolerance()).isEqualTo(Profiles.get("vitable").tolerance());
        assertThat(receiver.timeout()).isEqualTo(Profiles.get("vitable").timeout());
        assertThat(receiver.latencyBound()).isEqualTo(Profiles.get("vitable").timeout());
        assertThat(receiver.probe()).isEmpty();

        Receiver tuned = receiver.withTolerance(Duration.ofSeconds(600)).withTimeout(Duration.ofSeconds(2))
                .withLatencyBound(Duration.ofMillis(500)).withProbe(id -> 0);
        assertThat(tuned.tolerance()).isEqualTo(Tolerance.both(Duration.ofSeconds(600)));
        assertThat(tuned.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(tuned.latencyBound()).isEqualTo(Duration.ofMillis(500));
        assertThat(tuned.probe()).isPresent();
    }

    @Test
    void aRelativeUrlIsRefusedWithAnExample() {
        assertThatThrownBy(() -> Receiver.of("localhost:8080/webhooks", "vitable", SECRET))
                .hasMessage("url must be an absolute http or https URL such as http://localhost:8080/webhooks, got"
                        + " 'localhost:8080/webhooks'");
    }

    @Test
    void anUnknownProfileListsTheKnownOnes() {
        assertThatThrownBy(() -> Receiver.of("http://localhost/", "vitabel", SECRET))
                .hasMessage("unknown profile 'vitabel'; known profiles: " + String.join(", ", Profiles.names()));
    }

    @Test
    void aReceiverWithoutSecretSaysHowToGiveOne() {
        assertThatThrownBy(() -> Receiver.of(URI.create("http://localhost/"), Profiles.get("dfns")))
                .hasMessageStartingWith("the receiver needs the secret it verifies with");
        assertThatThrownBy(() -> Receiver.of("http://localhost/", "dfns", (Secret) null))
                .hasMessageStartingWith("the receiver needs the secret it verifies with");
    }

    @Test
    void theRecordNeverPrintsItsSecret() {
        assertThat(Receiver.of("http://localhost/", "vitable", SECRET).toString()).doesNotContain("vitable_secret");
    }

    @Test
    void anHttpProbeNeedsItsPlaceholder() {
        assertThatThrownBy(() -> Probe.http("http://localhost/__probe/"))
                .hasMessage("a probe URL needs the placeholder {event_id}, for example"
                        + " http://localhost:8080/__probe/{event_id}; got 'http://localhost/__probe/'");
    }

    @Test
    void levelsOtherThanRequiredCarryTheirReason() {
        assertThatThrownBy(() -> Level.recommended(" ")).hasMessage("a recommended level needs a reason");
        assertThat(Level.notApplicable("GitHub signs no timestamp").toString())
                .isEqualTo("not-applicable (GitHub signs no timestamp)");
        assertThat(Category.DELIVERY_CONTRACT.code()).isEqualTo("delivery-contract");
    }
}
