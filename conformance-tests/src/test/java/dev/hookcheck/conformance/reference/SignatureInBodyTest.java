package dev.hookcheck.conformance.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Checks;
import dev.hookcheck.conformance.Conformance;
import dev.hookcheck.conformance.Options;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.BodyField;
import dev.hookcheck.core.signing.Reason;
import dev.hookcheck.core.signing.SignatureScheme;
import dev.hookcheck.core.signing.Tolerance;
import dev.hookcheck.core.signing.Verification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A provider that writes its signature into the body, over a timestamp and a token beside it and not over
 * the body: the checks remove, empty and garble the body's signature, sign at other instants in the body,
 * and leave out the checks that change the body after signing.
 */
class SignatureInBodyTest {
    private static final Secret SECRET = Secret.of("0123456789abcdef0123456789abcdef");

    /** {@code "auth":{"timestamp","token","signature"}} first in the body; hex HMAC-SHA256 of timestamp + token. */
    static final class AuthObjectScheme implements SignatureScheme {
        public String name() { return "auth-object"; }
        public String signatureHeader() { return "auth.signature"; }
        public Tolerance defaultTolerance() { return Tolerance.both(Duration.ofMinutes(5)); }
        public boolean supportsMultipleSignatures() { return false; }
        public Optional<String> signatureInBody() { return Optional.of("/auth/signature"); }

        public byte[] signedBody(List<Secret> secrets, String id, String timestamp, byte[] body) {
            String auth = "{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + id + "\",\"signature\":\""
                    + mac(secrets.get(0), timestamp + id) + "\"}";
            return BodyField.first(body, "auth", auth);
        }

        public Map<String, String> sign(List<Secret> secrets, String id, long timestamp, byte[] body) {
            return Map.of();
        }

        public Verification verify(Map<String, String> h, byte[] body, List<Secret> secrets, Clock clock,
                Tolerance tolerance) {
            String signature = BodyField.read(body, "/auth/signature");
            String timestamp = BodyField.read(body, "/auth/timestamp");
            String token = BodyField.read(body, "/auth/token");
            if (signature == null || token == null) {
                return new Verification.Rejected(Reason.MISSING_HEADER, "no auth.signature or auth.token in the body");
            }
            if (timestamp == null) {
                return new Verification.Rejected(Reason.MISSING_TIMESTAMP, "no auth.timestamp in the body");
            }
            if (!timestamp.matches("[0-9]{1,12}")) {
                return new Verification.Rejected(Reason.MALFORMED_TIMESTAMP, "auth.timestamp is not unix seconds");
            }
            byte[] expected = mac(secrets.get(0), timestamp + token).getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8))) {
                return new Verification.Rejected(Reason.BAD_SIGNATURE, "auth.signature does not match");
            }
            long t = Long.parseLong(timestamp);
            return tolerance.check(t, clock.instant().getEpochSecond()).<Verification>map(r -> r)
                    .orElse(new Verification.Verified(OptionalLong.of(t), 0));
        }

        private static String mac(Secret secret, String content) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.utf8(), "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Profile profile() {
        Profile base = Profiles.get("stripe");
        return base.withScheme(new AuthObjectScheme())
                .withTraits(base.traits().withUnsignedBody("the timestamp and token of the body's auth object"));
    }

    @Test
    void aCorrectReceiverPassesEveryApplicableCheck() {
        Profile profile = profile();
        try (ReferenceReceiver app = new ReferenceReceiver(profile, SECRET).start()) {
            Receiver receiver = Receiver.of(app.url(), profile, SECRET).withProbe(app.probe());
            List<CheckResult> results = Conformance.run(receiver);
            assertThat(results).filteredOn(r -> r.level().isApplicable()).allMatch(CheckResult::passed)
                    .extracting(CheckResult::id).contains("SIG-001", "SIG-002", "SIG-003", "SIG-004", "SIG-005",
                            "RPL-001", "RPL-002", "RPL-003");
        }
    }

    @Test
    void theChecksThatChangeTheBodyAfterSigningAreNotApplicableAndSayWhy() {
        Receiver receiver = Receiver.of(java.net.URI.create("http://localhost:1/"), profile(), SECRET);
        for (String id : List.of("SIG-006", "SIG-015", "SIG-016")) {
            assertThat(Checks.find(id).orElseThrow().level(receiver).reason()).as(id).isEqualTo("Stripe signs the"
                    + " timestamp and token of the body's auth object, not the body, so a receiver cannot tell a changed"
                    + " or re-encoded body");
        }
    }

    @Test
    void aReceiverThatLetsABodyWithoutItsSignatureThroughIsCaught() {
        Profile profile = profile();
        try (ReferenceReceiver app = Flaw.SKIPS_UNSIGNED.receiver(profile, SECRET).start()) {
            Receiver receiver = Receiver.of(app.url(), profile, SECRET);
            CheckResult result = Conformance.run(receiver, Options.defaults().checks("SIG-002")).get(0);
            assertThat(result.passed()).isFalse();
            assertThat(result.message()).contains("for a delivery without the body's /auth/signature field");
            assertThat(result.evidence().request().body())
                    .doesNotContain("\"signature\"").contains("\"token\"");
        }
    }

    @Test
    void aReceiverThatNeverChecksTheBodysTimestampIsCaught() {
        Profile profile = profile();
        try (ReferenceReceiver app = Flaw.NO_TIMESTAMP_CHECK.receiver(profile, SECRET).start()) {
            Receiver receiver = Receiver.of(app.url(), profile, SECRET);
            assertThat(Conformance.run(receiver, Options.defaults().checks("RPL-001")).get(0).passed()).isFalse();
        }
    }
}
