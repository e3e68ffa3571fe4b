package dev.hookcheck.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookcheck.core.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing with a timestamp given as text, and the declarative description of a scheme. */
class TimestampTextAndSpecTest {
    private static final long NOW = 1_767_225_600L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final List<Secret> STANDARD = List.of(Secret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    private static final List<Secret> VITABLE = List.of(Secret.of("vitable_test_secret_9f8e7d6c"));
    private static final byte[] BODY = "{\"type\":\"invoice.paid\"}".getBytes(StandardCharsets.UTF_8);

    private final SignatureScheme standard = SignatureSchemes.standardWebhooks();
    private final SignatureScheme vitable = SignatureSchemes.declarative(SignatureSchemes.VITABLE);
    private final SignatureScheme stripe = SignatureSchemes.declarative(SignatureSchemes.STRIPE);

    @Test
    void digitsSignExactlyAsTheNumericTimestampDoes() {
        assertThat(standard.signWithTimestampText(STANDARD, "msg_1", Long.toString(NOW), BODY))
                .isEqualTo(standard.sign(STANDARD, "msg_1", NOW, BODY));
        assertThat(vitable.signWithTimestampText(VITABLE, null, Long.toString(NOW), BODY))
                .isEqualTo(vitable.sign(VITABLE, null, NOW, BODY));
    }

    @Test
    void aTextTimestampIsSentAsGivenAndRefusedAsMalformedDespiteAValidSignature() {
        Map<String, String> headers = vitable.signWithTimestampText(VITABLE, null, "2026-01-01T00:00:00Z", BODY);
        assertThat(headers).containsEntry("X-Vitable-Timestamp", "2026-01-01T00:00:00Z");
        Verification result = vitable.verify(headers, BODY, VITABLE, CLOCK);
        assertThat(((Verification.Rejected) result).reason()).isEqualTo(Reason.MALFORMED_TIMESTAMP);

        Map<String, String> stripeHeaders = stripe.signWithTimestampText(VITABLE, null, "soon", BODY);
        assertThat(stripeHeaders.get("Stripe-Signature")).startsWith("t=soon,v1=");
        Map<String, String> standardHeaders = standard.signWithTimestampText(STANDARD, "msg_1", "soon", BODY);
        assertThat(standardHeaders).containsEntry("webhook-timestamp", "soon");
    }

    @Test
    void aSchemeWithoutTextSupportRefusesNonDigitsByDefault() {
        SignatureScheme plain = new SignatureScheme() {
            public String name() { return "plain"; }
            public String signatureHeader() { return "X-Sig"; }
            public Tolerance defaultTolerance() { return Tolerance.none(); }
            public boolean supportsMultipleSignatures() { return false; }
            public Map<String, String> sign(List<Secret> s, String id, long t, byte[] b) { return Map.of("X-Sig", "t" + t); }
            public Verification verify(Map<String, String> h, byte[] b, List<Secret> s, Clock c, Tolerance t) {
                return new Verification.Verified(java.util.OptionalLong.empty(), 0);
            }
        };
        assertThat(plain.signWithTimestampText(VITABLE, null, "12", BODY)).containsEntry("X-Sig", "t12");
        assertThatThrownBy(() -> plain.signWithTimestampText(VITABLE, null, "soon", BODY))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(plain.spec()).isEmpty();
    }

    @Test
    void declarativeSchemesDescribeThemselvesAndStandardWebhooksDoesNot() {
        assertThat(vitable.spec()).contains(SignatureSchemes.VITABLE);
        assertThat(standard.spec()).isEmpty();
    }

    @Test
    void aPairsHeaderWithItsOwnSeparatorIsWrittenAndReadWithIt() {
        SignatureScheme semi = SignatureSchemes.declarative(new SchemeSpec("semi", SchemeSpec.Algorithm.HMAC_SHA256,
                SchemeSpec.KeyFormat.utf8(), "{timestamp}:{body}",
                SchemeSpec.SignatureFormat.pairs("X-Sig", "ts", "h1", SchemeSpec.Encoding.HEX, ";"),
                SchemeSpec.Source.signature(), SchemeSpec.Source.none(), Tolerance.both(java.time.Duration.ofMinutes(5)),
                true));
        List<Secret> two = List.of(Secret.of("new_secret"), Secret.of("old_secret"));
        Map<String, String> headers = semi.sign(two, null, NOW, BODY);
        assertThat(headers.get("X-Sig")).matches("ts=" + NOW + ";h1=[0-9a-f]{64};h1=[0-9a-f]{64}");
        assertThat(semi.verify(headers, BODY, List.of(Secret.of("old_secret")), CLOCK))
                .isInstanceOf(Verification.Verified.class);
        Map<String, String> commas = Map.of("X-Sig", headers.get("X-Sig").replace(';', ','));
        assertThat(semi.verify(commas, BODY, two, CLOCK)).isInstanceOf(Verification.Rejected.class);
    }
}
