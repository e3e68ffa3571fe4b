package dev.hookcheck.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SchemeSpecJsonTest {

    static String published(String name) throws IOException {
        try (InputStream in = SchemeSpecJsonTest.class.getResourceAsStream("/hookcheck/json/schemes/" + name + ".json")) {
            assertThat(in).as("published scheme %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"vitable", "dfns", "preo", "stripe", "github", "svix", "shopify", "slack", "pagerduty", "intercom", "paddle", "dropbox",
            "linear"})
    void thePublishedJsonOfABuiltInSchemeDescribesExactlyTheBuiltIn(String name) throws IOException {
        SchemeSpec builtIn = switch (name) {
            case "vitable" -> SignatureSchemes.VITABLE;
            case "dfns" -> SignatureSchemes.DFNS;
            case "preo" -> SignatureSchemes.PREO;
            case "stripe" -> SignatureSchemes.STRIPE;
            case "github" -> SignatureSchemes.GITHUB;
            default -> Profiles.get(name).scheme().spec().orElseThrow();
        };
        assertThat(SchemeSpec.fromJson(published(name))).isEqualTo(builtIn);
    }

    @Test
    void aMinimalSchemeGetsUtf8KeysNoIdAndNoTimestamp() {
        SchemeSpec spec = SchemeSpec.fromJson("""
                {"name":"mini","algorithm":"hmac-sha1","signedContent":"{body}",
                 "signature":{"header":"X-Sig","style":"prefixed","prefix":"sha1=","encoding":"hex"}}""");
        assertThat(spec.key()).isEqualTo(SchemeSpec.KeyFormat.utf8());
        assertThat(spec.id()).isEqualTo(SchemeSpec.Source.none());
        assertThat(spec.tolerance()).isEqualTo(Tolerance.none());
    }

    private static final String WITH_LEGACY = """
            {"name":"two","algorithm":"hmac-sha256","signedContent":"{body}",
             "signature":{"header":"X-Sig-256","style":"prefixed","prefix":"sha256=","encoding":"hex"},
             "legacySignatures":[{"algorithm":"hmac-sha1",
               "signature":{"header":"X-Sig","style":"prefixed","prefix":"sha1=","encoding":"hex"}}]}""";

    @Test
    void aLegacySignatureIsSentBesideTheCurrentOneOverTheSameContent() throws Exception {
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        byte[] key = "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);
        var headers = SignatureSchemes.fromJson(WITH_LEGACY).sign(Secret.of(new String(key, StandardCharsets.UTF_8)),
                null, 0, body);
        assertThat(headers).containsExactly(
                Map.entry("X-Sig-256", "sha256=" + HexFormat.of().formatHex(mac("HmacSHA256", key, body))),
                Map.entry("X-Sig", "sha1=" + HexFormat.of().formatHex(mac("HmacSHA1", key, body))));
    }

    @Test
    void aLegacySignatureAloneDoesNotVerify() {
        SignatureScheme scheme = SignatureSchemes.fromJson(WITH_LEGACY);
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        var headers = new java.util.HashMap<>(scheme.sign(Secret.of("s3cret"), null, 0, body));
        headers.remove("X-Sig-256");
        assertThat(scheme.verify(headers, body, java.util.List.of(Secret.of("s3cret")), Clock.systemUTC()))
                .isInstanceOfSatisfying(Verification.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.MISSING_HEADER));
    }

    private static byte[] mac(String algorithm, byte[] key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return mac.doFinal(body);
    }

    @Test
    void aPairsSchemeMayNameItsItemSeparatorAndDefaultsToAComma() {
        String json = """
                {"name":"semi","algorithm":"hmac-sha256","signedContent":"{timestamp}:{body}",
                 "signature":{"header":"X-Sig","style":"pairs","timestampKey":"ts","version":"h1","encoding":"hex"%s},
                 "timestamp":{"from":"signature"},"tolerance":{"seconds":5,"direction":"past"}}""";
        assertThat(SchemeSpec.fromJson(json.formatted(",\"separator\":\";\"")).signature().separator()).isEqualTo(";");
        assertThat(SchemeSpec.fromJson(json.formatted("")).signature().separator()).isEqualTo(",");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{|scheme is not valid JSON",
        "[]|scheme must be a JSON object",
        "{\"name\":\"x\",\"algorithm\":\"md5\"}|algorithm must be one of hmac-sha1, hmac-sha256, hmac-sha512, ed25519 (got \"md5\")",
        "{\"name\":\"x\",\"algorithm\":\"hmac-sha256\",\"signedContent\":\"{body}\",\"signature\":{\"header\":\"X\",\"style\":\"fancy\",\"encoding\":\"hex\"}}|signature.style must be one of prefixed, pairs, list (got \"fancy\")",
        "{\"name\":\"x\",\"algorithm\":\"hmac-sha256\",\"signedContent\":\"{body}\",\"signature\":{\"header\":\"X\",\"style\":\"prefixed\",\"encoding\":\"hex\"},\"colour\":1}|scheme has an unknown field 'colour'",
        "{\"name\":\"x\",\"algorithm\":\"hmac-sha256\",\"signedContent\":\"{timestamp}.{body}\",\"signature\":{\"header\":\"X\",\"style\":\"prefixed\",\"encoding\":\"hex\"}}|signedContent uses {timestamp} but timestamp.from is none",
        "{\"name\":\"x\",\"algorithm\":\"hmac-sha256\",\"signedContent\":\"{id}\",\"signature\":{\"header\":\"X\",\"style\":\"prefixed\",\"encoding\":\"hex\"}}|signedContent must contain {body}",
        "{\"name\":\"x\",\"algorithm\":\"hmac-sha256\",\"signedContent\":\"{body}\",\"signature\":{\"header\":\"X\",\"style\":\"prefixed\",\"encoding\":\"hex\"},\"timestamp\":{\"from\":\"body\",\"pointer\":\"ts\"}}|timestamp.pointer must be a JSON pointer",
        "{\"name\":\"x\",\"algorithm\":\"hmac-sha256\",\"signedContent\":\"{body}\",\"signature\":{\"header\":\"X\",\"style\":\"list\",\"encoding\":\"hex\"}}|signature.version must be a string (it is missing)",
        "{\"name\":\"x\",\"algorithm\":\"ed25519\",\"signedContent\":\"{body}\",\"signature\":{\"header\":\"X\",\"style\":\"prefixed\",\"encoding\":\"hex\"}}|ed25519 signatures are written in base64",
        "{\"name\":\"x\",\"algorithm\":\"hmac-sha256\",\"signedContent\":\"{body}\",\"signature\":{\"header\":\"X\",\"style\":\"prefixed\",\"encoding\":\"hex\"},\"tolerance\":{\"seconds\":-1,\"direction\":\"both\"}}|tolerance.seconds must be a whole number >= 0",
        "{\"name\":\"x\",\"algorithm\":\"hmac-sha256\",\"signedContent\":\"{body}\",\"signature\":{\"header\":\"X\",\"style\":\"pairs\",\"version\":\"v1\",\"encoding\":\"hex\",\"separator\":\"=\"}}|signature.separator must be one character other than",
        "{\"name\":\"x\",\"algorithm\":\"hmac-sha256\",\"signedContent\":\"{body}\",\"signature\":{\"header\":\"X\",\"style\":\"prefixed\",\"encoding\":\"hex\",\"separator\":\";\"}}|signature.separator is for style pairs only",
        "{\"name\":\"x\",\"algorithm\":\"hmac-sha256\",\"signedContent\":\"{body}\",\"signature\":{\"header\":\"X\",\"style\":\"prefixed\",\"encoding\":\"hex\"},\"legacySignatures\":[{\"algorithm\":\"md5\"}]}|legacySignatures[0].algorithm must be one of",
        "{\"name\":\"x\",\"algorithm\":\"hmac-sha256\",\"signedContent\":\"{body}\",\"signature\":{\"header\":\"X\",\"style\":\"prefixed\",\"encoding\":\"hex\"},\"legacySignatures\":[{\"algorithm\":\"hmac-sha1\",\"signature\":{\"header\":\"x\",\"style\":\"prefixed\",\"encoding\":\"hex\"}}]}|legacy signature header x is already used",
    })
    void aBadSchemeIsRefusedWithAMessageNamingTheField(String json, String message) {
        assertThatThrownBy(() -> SchemeSpec.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
