package dev.hookcheck.core.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each refusal reason, produced by the smallest change to a valid request. */
class RejectionReasonsTest {
    private static final long NOW = 1_767_225_600L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final Secret STANDARD_SECRET = Secret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final Secret VITABLE_SECRET = Secret.of("vitable_test_secret_9f8e7d6c");
    private static final byte[] BODY = "{\"type\":\"invoice.paid\",\"data\":{\"id\":\"inv_1\"}}".getBytes(StandardCharsets.UTF_8);

    private final SignatureScheme standard = SignatureSchemes.standardWebhooks();
    private final SignatureScheme vitable = SignatureSchemes.declarative(SignatureSchemes.VITABLE);
    private final SignatureScheme dfns = SignatureSchemes.declarative(SignatureSchemes.DFNS);
    private final SignatureScheme stripe = SignatureSchemes.declarative(SignatureSchemes.STRIPE);
    private final SignatureScheme github = SignatureSchemes.declarative(SignatureSchemes.GITHUB);

    private Map<String, String> standardHeaders(long timestamp) {
        return new LinkedHashMap<>(standard.sign(STANDARD_SECRET, "msg_1", timestamp, BODY));
    }

    private Verification verifyStandard(Map<String, String> headers, byte[] body) {
        return standard.verify(headers, body, List.of(STANDARD_SECRET), CLOCK);
    }

    private static Reason reasonOf(Verification v) {
        assertThat(v).isInstanceOf(Verification.Rejected.class);
        return ((Verification.Rejected) v).reason();
    }

    @Test
    void aValidStandardWebhookIsVerified() {
        assertThat(verifyStandard(standardHeaders(NOW), BODY).isVerified()).isTrue();
    }

    @Test
    void aMissingSignatureHeaderIsRefusedAsMissingHeader() {
        Map<String, String> headers = standardHeaders(NOW);
        headers.remove("webhook-signature");
        assertThat(reasonOf(verifyStandard(headers, BODY))).isEqualTo(Reason.MISSING_HEADER);
    }

    @Test
    void aMissingIdHeaderIsRefusedAsMissingHeader() {
        Map<String, String> headers = standardHeaders(NOW);
        headers.remove("webhook-id");
        assertThat(reasonOf(verifyStandard(headers, BODY))).isEqualTo(Reason.MISSING_HEADER);
    }

    @Test
    void anEmptySignatureHeaderIsMalformed() {
        Map<String, String> headers = standardHeaders(NOW);
        headers.put("webhook-signature", "");
        assertThat(reasonOf(verifyStandard(headers, BODY))).isEqualTo(Reason.MALFORMED_HEADER);
    }

    @Test
    void aGarbledSignatureHeaderIsMalformed() {
        Map<String, String> headers = standardHeaders(NOW);
        headers.put("webhook-signature", "garbage");
        assertThat(reasonOf(verifyStandard(headers, BODY))).isEqualTo(Reason.MALFORMED_HEADER);
    }

    @Test
    void onlyUnknownVersionsAreAnUnsupportedVersion() {
        Map<String, String> headers = standardHeaders(NOW);
        headers.put("webhook-signature", headers.get("webhook-signature").replace("v1,", "v2,"));
        assertThat(reasonOf(verifyStandard(headers, BODY))).isEqualTo(Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void aValidSignatureUnderAnUnknownVersionBesideAnInvalidV1IsABadSignature() {
        Map<String, String> headers = standardHeaders(NOW);
        String valid = headers.get("webhook-signature").substring(3);
        headers.put("webhook-signature", "v2," + valid + " v1,AAAA" + valid.substring(4));
        assertThat(reasonOf(verifyStandard(headers, BODY))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aBodyChangedByOneByteIsABadSignature() {
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 3] ^= 1;
        assertThat(reasonOf(verifyStandard(standardHeaders(NOW), tampered))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aWrongSecretIsABadSignature() {
        Verification v = standard.verify(standardHeaders(NOW), BODY,
                List.of(Secret.of("whsec_" + "A".repeat(32))), CLOCK);
        assertThat(reasonOf(v)).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aTimestampShiftedAfterSigningIsABadSignature() {
        Map<String, String> headers = standardHeaders(NOW);
        headers.put("webhook-timestamp", Long.toString(NOW + 1));
        assertThat(reasonOf(verifyStandard(headers, BODY))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aTruncatedSignatureIsABadSignature() {
        Map<String, String> headers = standardHeaders(NOW);
        String sig = headers.get("webhook-signature");
        headers.put("webhook-signature", sig.substring(0, sig.length() - 6));
        assertThat(reasonOf(verifyStandard(headers, BODY))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aMissingTimestampHeaderIsAMissingTimestamp() {
        Map<String, String> headers = standardHeaders(NOW);
        headers.remove("webhook-timestamp");
        assertThat(reasonOf(verifyStandard(headers, BODY))).isEqualTo(Reason.MISSING_TIMESTAMP);
    }

    @Test
    void aNonNumericTimestampIsMalformed() {
        Map<String, String> headers = standardHeaders(NOW);
        headers.put("webhook-timestamp", "yesterday");
        assertThat(reasonOf(verifyStandard(headers, BODY))).isEqualTo(Reason.MALFORMED_TIMESTAMP);
    }

    @Test
    void aTimestampOneSecondBeyondTheToleranceIsStale() {
        assertThat(reasonOf(verifyStandard(standardHeaders(NOW - 301), BODY))).isEqualTo(Reason.STALE_TIMESTAMP);
    }

    @Test
    void aTimestampExactlyAtTheToleranceIsAccepted() {
        assertThat(verifyStandard(standardHeaders(NOW - 300), BODY).isVerified()).isTrue();
    }

    @Test
    void aTimestampBeyondTheToleranceInTheFutureIsRefused() {
        assertThat(reasonOf(verifyStandard(standardHeaders(NOW + 301), BODY))).isEqualTo(Reason.FUTURE_TIMESTAMP);
    }

    @Test
    void aMillisecondTimestampIsFarInTheFuture() {
        assertThat(reasonOf(verifyStandard(standardHeaders(NOW * 1000), BODY))).isEqualTo(Reason.FUTURE_TIMESTAMP);
    }

    @Test
    void headerNamesAreMatchedIgnoringLetterCase() {
        Map<String, String> upper = new LinkedHashMap<>();
        standardHeaders(NOW).forEach((k, v) -> upper.put(k.toUpperCase(), v));
        assertThat(verifyStandard(upper, BODY).isVerified()).isTrue();
    }

    @Test
    void anyOfSeveralSignaturesMayMatchDuringKeyRotation() {
        Secret old = Secret.of("whsec_" + "B".repeat(32));
        Map<String, String> headers = standard.sign(List.of(old, STANDARD_SECRET), "msg_1", NOW, BODY);
        Verification v = standard.verify(headers, BODY, List.of(STANDARD_SECRET), CLOCK);
        assertThat(v).isEqualTo(new Verification.Verified(java.util.OptionalLong.of(NOW), 0));
    }

    @Test
    void theMatchingSecretIsReported() {
        Verification v = standard.verify(standardHeaders(NOW), BODY,
                List.of(Secret.of("whsec_" + "C".repeat(32)), STANDARD_SECRET), CLOCK);
        assertThat(((Verification.Verified) v).secretIndex()).isEqualTo(1);
    }

    @Test
    void vitableRefusesAnotherAlgorithmPrefixAsUnsupported() {
        Map<String, String> headers = new LinkedHashMap<>(vitable.sign(VITABLE_SECRET, null, NOW, BODY));
        headers.put("X-Vitable-Signature", headers.get("X-Vitable-Signature").replace("sha512=", "sha256="));
        assertThat(reasonOf(vitable.verify(headers, BODY, List.of(VITABLE_SECRET), CLOCK)))
                .isEqualTo(Reason.UNSUPPORTED_VERSION);
    }

    @Test
    void vitableRefusesAMissingTimestampHeader() {
        Map<String, String> headers = new LinkedHashMap<>(vitable.sign(VITABLE_SECRET, null, NOW, BODY));
        headers.remove("X-Vitable-Timestamp");
        assertThat(reasonOf(vitable.verify(headers, BODY, List.of(VITABLE_SECRET), CLOCK)))
                .isEqualTo(Reason.MISSING_TIMESTAMP);
    }

    @Test
    void vitableRefusesAStaleTimestampInBothDirections() {
        Map<String, String> stale = vitable.sign(VITABLE_SECRET, null, NOW - 301, BODY);
        Map<String, String> future = vitable.sign(VITABLE_SECRET, null, NOW + 301, BODY);
        assertThat(reasonOf(vitable.verify(stale, BODY, List.of(VITABLE_SECRET), CLOCK))).isEqualTo(Reason.STALE_TIMESTAMP);
        assertThat(reasonOf(vitable.verify(future, BODY, List.of(VITABLE_SECRET), CLOCK))).isEqualTo(Reason.FUTURE_TIMESTAMP);
    }

    @Test
    void dfnsReadsTheTimestampFromTheSignedBodyWithAnExclusiveEdge() {
        Secret secret = Secret.of("whs-secret");
        byte[] at299 = ("{\"id\":\"whe-1\",\"timestampSent\":" + (NOW - 299) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] at300 = ("{\"id\":\"whe-1\",\"timestampSent\":" + (NOW - 300) + "}").getBytes(StandardCharsets.UTF_8);
        assertThat(dfns.verify(dfns.sign(secret, null, 0, at299), at299, List.of(secret), CLOCK).isVerified()).isTrue();
        assertThat(reasonOf(dfns.verify(dfns.sign(secret, null, 0, at300), at300, List.of(secret), CLOCK)))
                .isEqualTo(Reason.STALE_TIMESTAMP);
    }

    @Test
    void dfnsRefusesASignedBodyWithoutTimestampSent() {
        Secret secret = Secret.of("whs-secret");
        byte[] body = "{\"id\":\"whe-1\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(reasonOf(dfns.verify(dfns.sign(secret, null, 0, body), body, List.of(secret), CLOCK)))
                .isEqualTo(Reason.MISSING_TIMESTAMP);
    }

    @Test
    void dfnsRefusesATimestampSentThatIsNotANumber() {
        Secret secret = Secret.of("whs-secret");
        byte[] body = "{\"timestampSent\":\"soon\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(reasonOf(dfns.verify(dfns.sign(secret, null, 0, body), body, List.of(secret), CLOCK)))
                .isEqualTo(Reason.MALFORMED_TIMESTAMP);
    }

    @Test
    void stripeAcceptsAFutureTimestampAsItsOwnLibraryDoes() {
        Secret secret = Secret.of("whsec_test_secret");
        Map<String, String> headers = stripe.sign(secret, null, NOW + 3600, BODY);
        assertThat(stripe.verify(headers, BODY, List.of(secret), CLOCK).isVerified()).isTrue();
    }

    @Test
    void stripeRefusesAHeaderWithoutTheTimestampItem() {
        Secret secret = Secret.of("whsec_test_secret");
        String v1 = stripe.sign(secret, null, NOW, BODY).get("Stripe-Signature").replaceFirst("t=\\d+,", "");
        assertThat(reasonOf(stripe.verify(Map.of("Stripe-Signature", v1), BODY, List.of(secret), CLOCK)))
                .isEqualTo(Reason.MISSING_TIMESTAMP);
    }

    @Test
    void stripeWritesOneSignaturePerSecretDuringRotation() {
        Map<String, String> headers = stripe.sign(List.of(Secret.of("whsec_a"), Secret.of("whsec_b")), null, NOW, BODY);
        assertThat(headers.get("Stripe-Signature")).matches("t=" + NOW + ",v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
    }

    @Test
    void singleSignatureSchemesSignWithTheFirstSecretOnly() {
        Map<String, String> both = vitable.sign(List.of(VITABLE_SECRET, Secret.of("old")), null, NOW, BODY);
        assertThat(both).isEqualTo(vitable.sign(VITABLE_SECRET, null, NOW, BODY));
    }

    @Test
    void githubChecksNoTimestampAtAll() {
        Secret secret = Secret.of("It's a Secret to Everybody");
        Map<String, String> headers = github.sign(secret, null, 0, BODY);
        Clock muchLater = Clock.offset(CLOCK, Duration.ofDays(3650));
        assertThat(github.verify(headers, BODY, List.of(secret), muchLater))
                .isEqualTo(new Verification.Verified(java.util.OptionalLong.empty(), 0));
    }

    @Test
    void rejectionDetailsNeverContainTheSecretOrTheExpectedSignature() {
        Map<String, String> headers = standardHeaders(NOW);
        String expected = headers.get("webhook-signature");
        headers.put("webhook-signature", "v1,AAAA");
        Verification v = verifyStandard(headers, BODY);
        assertThat(v.toString()).doesNotContain(expected.substring(3)).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }

    @Test
    void aSecretNeverShowsItsValue() {
        assertThat(STANDARD_SECRET.toString()).isEqualTo("Secret[redacted]");
        assertThat(List.of(STANDARD_SECRET).toString()).doesNotContain("whsec_");
    }
}
