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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The request URL reaches the schemes that sign it, and changes nothing for the others. */
class RequestUrlTest {
    private static final String URL = "https://example.com/webhooks?source=hookcheck";
    private static final Instant AT = Instant.ofEpochSecond(1_767_225_600L);
    private static final Clock CLOCK = Clock.fixed(AT, ZoneOffset.UTC);

    @Test
    void schemesThatDoNotSignTheUrlSignAndVerifyTheSameWithIt() {
        for (Profile profile : Profiles.all()) {
            if (profile.scheme().signsUrl()) {
                continue;
            }
            SplittableRandom random = new SplittableRandom(7);
            List<Secret> secrets = List.of(profile.newSecret(random));
            byte[] body = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
            SignatureScheme scheme = profile.scheme();
            assertThat(scheme.deliveryUrl(URL, body)).as(profile.name()).isEqualTo(URL);
            assertThat(scheme.sign(secrets, "msg_1", AT.getEpochSecond(), body, URL)).as(profile.name())
                    .isEqualTo(scheme.sign(secrets, "msg_1", AT.getEpochSecond(), body));
            Map<String, String> headers = scheme.sign(secrets, "msg_1", AT.getEpochSecond(), body);
            assertThat(scheme.verify("https://elsewhere.example/other", headers, body, secrets, CLOCK,
                    scheme.defaultTolerance())).as(profile.name()).isEqualTo(scheme.verify(headers, body, secrets, CLOCK));
        }
    }

    @Test
    void aProfileSignedForAUrlSignsAndCarriesTheUrlItsSchemeSendsTo() {
        Profile profile = Profiles.get("standard").withScheme(new UrlScheme());
        SplittableRandom random = new SplittableRandom(3);
        Event event = profile.exampleEvent(profile.events().types().get(0), "org_1", AT, random);
        SignedWebhook webhook = profile.sign(event, Attempt.first("d_1", "ep_1", event.id(), AT),
                List.of(Secret.of("k")), "https://example.com/hooks");

        assertThat(webhook.url()).isEqualTo("https://example.com/hooks?len=" + webhook.body().length);
        assertThat(webhook.headers()).containsEntry("X-Url", webhook.url());
        assertThat(webhook.target("https://ignored.example")).isEqualTo(webhook.url());
    }

    @Test
    void aWebhookSignedWithoutAUrlIsSentToTheEndpointsUrl() {
        SignedWebhook webhook = new SignedWebhook(new byte[0], Map.of(), "key");
        assertThat(webhook.target("https://example.com/hooks")).isEqualTo("https://example.com/hooks");
        assertThat(webhook.with(new byte[1], Map.of("A", "b")).url()).isNull();
    }

    @Test
    void aDeclarativeUrlPlaceholderSignsTheUrlAndNothingVerifiesWithoutIt() {
        SignatureScheme scheme = SignatureSchemes.fromJson("""
                {"name": "url-body", "algorithm": "hmac-sha256", "signedContent": "{url}{body}",
                 "signature": {"header": "X-Sig", "style": "prefixed", "prefix": "", "encoding": "base64"},
                 "timestamp": {"from": "none"}, "tolerance": {"direction": "none"}}""");
        List<Secret> secrets = List.of(Secret.of("key"));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = scheme.sign(secrets, null, 0, body, URL);

        assertThat(scheme.signsUrl()).isTrue();
        assertThat(scheme.verify(URL, headers, body, secrets, CLOCK, Tolerance.none()).isVerified()).isTrue();
        assertThat(scheme.verify(URL + "&x=1", headers, body, secrets, CLOCK, Tolerance.none()))
                .isInstanceOfSatisfying(Verification.Rejected.class, r -> assertThat(r.reason())
                        .isEqualTo(Reason.BAD_SIGNATURE));
        assertThat(scheme.verify(headers, body, secrets, CLOCK).isVerified()).isFalse();
        assertThatThrownBy(() -> scheme.sign(secrets, null, 0, body)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("signs the request URL");
    }

    /** Signs nothing but the URL it is given, and adds the body's length to the URL's query. */
    private static final class UrlScheme implements SignatureScheme {
        public String name() { return "url"; }
        public String signatureHeader() { return "X-Url"; }
        public Tolerance defaultTolerance() { return Tolerance.none(); }
        public boolean supportsMultipleSignatures() { return false; }
        public boolean signsUrl() { return true; }
        public String deliveryUrl(String url, byte[] body) { return url + "?len=" + body.length; }
        public Map<String, String> sign(List<Secret> s, String id, long t, byte[] b) {
            throw new IllegalStateException("url signs the request URL");
        }
        public Map<String, String> sign(List<Secret> s, String id, long t, byte[] b, String url) {
            return Map.of("X-Url", url);
        }
        public Verification verify(Map<String, String> h, byte[] b, List<Secret> s, Clock c, Tolerance t) {
            return new Verification.Rejected(Reason.MISSING_HEADER, "no URL");
        }
    }
}
