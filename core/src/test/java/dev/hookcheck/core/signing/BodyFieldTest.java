package dev.hookcheck.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.SignedWebhook;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BodyFieldTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void aMemberIsReadAsTextWherePresentAndNullWhereAbsentOrAnObject() {
        byte[] body = bytes("{\"signature\":{\"timestamp\":\"1700000000\",\"n\":5},\"data\":{}}");
        assertThat(BodyField.read(body, "/signature/timestamp")).isEqualTo("1700000000");
        assertThat(BodyField.read(body, "/signature/n")).isEqualTo("5");
        assertThat(BodyField.read(body, "/signature/token")).isNull();
        assertThat(BodyField.read(body, "/signature")).isNull();
        assertThat(BodyField.read(bytes("not json"), "/signature/timestamp")).isNull();
    }

    @Test
    void removingOrReplacingAMemberKeepsTheRestOfTheBody() {
        byte[] body = bytes("{\"signature\":{\"signature\":\"ab12\",\"token\":\"t\"},\"data\":1}");
        assertThat(text(BodyField.without(body, "/signature/signature")))
                .isEqualTo("{\"signature\":{\"token\":\"t\"},\"data\":1}");
        assertThat(text(BodyField.with(body, "/signature/signature", "")))
                .isEqualTo("{\"signature\":{\"signature\":\"\",\"token\":\"t\"},\"data\":1}");
        assertThat(BodyField.without(bytes("[1]"), "/signature/signature")).isEqualTo(bytes("[1]"));
    }

    @Test
    void aMemberWrittenFirstLeavesTheOtherBytesAsTheyWere() {
        byte[] body = bytes("{ \"data\" : {\"x\": 1.10}\n}");
        assertThat(text(BodyField.first(body, "sig", "{\"v\":\"1\"}"))).isEqualTo("{\"sig\":{\"v\":\"1\"}, \"data\" : {\"x\": 1.10}\n}");
        assertThat(text(BodyField.first(bytes("{}"), "sig", "1"))).isEqualTo("{\"sig\":1}");
    }

    @Test
    void aMemberWrittenFirstReplacesTheOneAlreadyThere() {
        byte[] once = BodyField.first(bytes("{\"data\":1}"), "sig", "\"a\"");
        assertThat(text(BodyField.first(once, "sig", "\"b\""))).isEqualTo("{\"sig\":\"b\",\"data\":1}");
    }

    @Test
    void onlyAJsonObjectCanCarryAMember() {
        assertThatThrownBy(() -> BodyField.first(bytes("[1,2]"), "sig", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> BodyField.first(bytes("{oops"), "sig", "1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Writes {@code "sig":{"value":"<id>@<timestamp>"}} first; a stand-in for a scheme that signs in the body. */
    static final class InBody implements SignatureScheme {
        public String name() { return "in-body"; }
        public String signatureHeader() { return "sig.value"; }
        public Tolerance defaultTolerance() { return Tolerance.none(); }
        public boolean supportsMultipleSignatures() { return false; }
        public Optional<String> signatureInBody() { return Optional.of("/sig/value"); }
        public byte[] signedBody(List<Secret> secrets, String id, String timestamp, byte[] body) {
            return BodyField.first(body, "sig", "{\"value\":\"" + id + "@" + timestamp + "\"}");
        }
        public Map<String, String> sign(List<Secret> secrets, String id, long timestamp, byte[] body) {
            return Map.of();
        }
        public Verification verify(Map<String, String> h, byte[] b, List<Secret> s, Clock c, Tolerance t) {
            return new Verification.Verified(OptionalLong.empty(), 0);
        }
    }

    @Test
    void aProfileWhoseSchemeSignsInTheBodySendsTheSignedBodyAndNoSignatureHeader() {
        Profile profile = Profiles.get("github").withScheme(new InBody());
        SplittableRandom random = new SplittableRandom(7);
        Event event = profile.exampleEvent(profile.events().types().get(0), "org", Instant.ofEpochSecond(1_700_000_000),
                random);
        Attempt attempt = Attempt.first("d", "ep", event.id(), Instant.ofEpochSecond(1_700_000_000));
        SignedWebhook webhook = profile.sign(event, attempt, List.of(Secret.of("s")), "https://example.com/hook");
        assertThat(webhook.bodyText()).startsWith("{\"sig\":{\"value\":\"");
        assertThat(profile.scheme().signatureOf(webhook.headers(), webhook.body())).endsWith("@1700000000");
        assertThat(webhook.headers()).doesNotContainKey("sig.value");
    }

    @Test
    void aHeaderSchemeFindsItsSignatureInItsHeader() {
        SignatureScheme github = Profiles.get("github").scheme();
        assertThat(github.signatureOf(Map.of("x-hub-signature-256", "sha256=ab"), bytes("{}"))).isEqualTo("sha256=ab");
        assertThat(github.signedBody(List.of(Secret.of("s")), "id", "1", bytes("{}"))).isEqualTo(bytes("{}"));
    }
}
