package dev.hookcheck.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.signing.SchemeSpec.Source;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A declarative scheme whose provider writes the signed timestamp in the body in milliseconds. */
class MillisecondBodyTimestampTest {
    private static final long NOW_MS = 1_767_225_600_123L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW_MS), ZoneOffset.UTC);
    private static final Secret SECRET = Secret.of("ms_signing_secret");
    private static final SchemeSpec SPEC = new SchemeSpec("ms", SchemeSpec.Algorithm.HMAC_SHA256,
            SchemeSpec.KeyFormat.utf8(), "{body}", SchemeSpec.SignatureFormat.prefixed("X-Sig", "", SchemeSpec.Encoding.HEX),
            Source.body("/sentAt", Source.Unit.MILLISECONDS), Source.none(), Tolerance.both(Duration.ofMinutes(1)), false);
    private final SignatureScheme scheme = SignatureSchemes.declarative(SPEC);

    private Verification verifyBodyAt(String sentAt) {
        byte[] body = ("{\"id\":\"evt_1\",\"sentAt\":" + sentAt + "}").getBytes(StandardCharsets.UTF_8);
        return scheme.verify(scheme.sign(SECRET, null, 0, body), body, List.of(SECRET), CLOCK);
    }

    private static Reason reasonOf(Verification v) {
        assertThat(v).isInstanceOf(Verification.Rejected.class);
        return ((Verification.Rejected) v).reason();
    }

    @Test
    void aTimestampExactlyTheWindowAwayInMillisecondsIsAcceptedEitherWay() {
        assertThat(verifyBodyAt(Long.toString(NOW_MS - 60_000)).isVerified()).isTrue();
        assertThat(verifyBodyAt(Long.toString(NOW_MS + 60_000)).isVerified()).isTrue();
    }

    @Test
    void oneMillisecondPastTheWindowIsStaleOrFuture() {
        assertThat(reasonOf(verifyBodyAt(Long.toString(NOW_MS - 60_001)))).isEqualTo(Reason.STALE_TIMESTAMP);
        assertThat(reasonOf(verifyBodyAt(Long.toString(NOW_MS + 60_001)))).isEqualTo(Reason.FUTURE_TIMESTAMP);
    }

    @Test
    void theRefusalCountsInMilliseconds() {
        assertThat(((Verification.Rejected) verifyBodyAt(Long.toString(NOW_MS - 60_001))).detail())
                .isEqualTo("timestamp " + (NOW_MS - 60_001) + " is 60001 ms old, tolerance is 60000 ms");
    }

    @Test
    void aTimestampInSecondsIsFiftySixYearsOldWhenReadAsMilliseconds() {
        assertThat(reasonOf(verifyBodyAt(Long.toString(NOW_MS / 1000)))).isEqualTo(Reason.STALE_TIMESTAMP);
    }

    @Test
    void aVerifiedDeliveryReportsItsTimestampInUnixSeconds() {
        assertThat(verifyBodyAt(Long.toString(NOW_MS))).isEqualTo(new Verification.Verified(
                OptionalLong.of(1_767_225_600L), 0));
    }

    @Test
    void aTimestampThatIsNotAWholeNumberIsMalformed() {
        assertThat(reasonOf(verifyBodyAt("\"" + NOW_MS + "\""))).isEqualTo(Reason.MALFORMED_TIMESTAMP);
        assertThat(reasonOf(verifyBodyAt(NOW_MS + ".5"))).isEqualTo(Reason.MALFORMED_TIMESTAMP);
    }

    @Test
    void aTimestampAtTheEndOfTheNumberRangeIsStaleNotWrappedAround() {
        assertThat(reasonOf(verifyBodyAt(Long.toString(Long.MIN_VALUE)))).isEqualTo(Reason.STALE_TIMESTAMP);
        assertThat(reasonOf(verifyBodyAt(Long.toString(Long.MAX_VALUE)))).isEqualTo(Reason.FUTURE_TIMESTAMP);
    }

    @Test
    void anEndlessWindowAcceptsAnyMillisecondTimestamp() {
        Tolerance endless = new Tolerance(Duration.ofSeconds(Long.MAX_VALUE), Tolerance.Direction.BOTH,
                Tolerance.Edge.INCLUSIVE);
        byte[] body = "{\"sentAt\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(scheme.verify(scheme.sign(SECRET, null, 0, body), body, List.of(SECRET), CLOCK, endless)
                .isVerified()).isTrue();
    }

    @Test
    void theJsonFormNamesTheUnitOfABodyTimestamp() {
        assertThat(SchemeSpec.fromJson("""
                {"name":"ms","algorithm":"hmac-sha256","signedContent":"{body}",
                 "signature":{"header":"X-Sig","style":"prefixed","prefix":"","encoding":"hex"},
                 "timestamp":{"from":"body","pointer":"/sentAt","unit":"milliseconds"},
                 "tolerance":{"seconds":60,"direction":"both"}}""")).isEqualTo(SPEC);
    }

    @Test
    void millisecondsAreReadFromTheBodyOnly() {
        assertThatThrownBy(() -> SchemeSpec.fromJson("""
                {"name":"ms","algorithm":"hmac-sha256","signedContent":"{timestamp}.{body}",
                 "signature":{"header":"X-Sig","style":"prefixed","prefix":"","encoding":"hex"},
                 "timestamp":{"from":"header","name":"X-Time","unit":"milliseconds"}}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timestamp.unit milliseconds needs from body (a header or item is read as unix seconds)");
        assertThatThrownBy(() -> new Source(Source.From.HEADER, "X-Time", Source.Unit.MILLISECONDS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIdHasNoUnit() {
        assertThatThrownBy(() -> new SchemeSpec("ms", SchemeSpec.Algorithm.HMAC_SHA256, SchemeSpec.KeyFormat.utf8(),
                "{body}", SchemeSpec.SignatureFormat.prefixed("X-Sig", "", SchemeSpec.Encoding.HEX), Source.none(),
                Source.body("/id", Source.Unit.MILLISECONDS), Tolerance.none(), false))
                .hasMessageContaining("id.unit is for timestamps only");
    }
}
