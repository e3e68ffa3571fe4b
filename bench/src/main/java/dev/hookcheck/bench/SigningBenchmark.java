package dev.hookcheck.bench;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.signing.SignatureScheme;
import dev.hookcheck.core.signing.SignatureSchemes;
import dev.hookcheck.core.signing.Verification;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hookcheck's signing and verifying against the least work that produces the same header value: a
 * {@link Mac} created and keyed once, fed the same bytes, plus the same output encoding.
 *
 * <p>Benchmarks come in pairs named {@code <case>_bare} and {@code <case>_hookcheck};
 * {@link RatioReport} turns a JSON result file into the table of BENCHMARKS.md. {@link #setup()}
 * checks that each pair produces the same signature, so the pairs do the same cryptographic work.
 *
 * <p>The annotations hold the short settings used on the project's 2-core machine; the command line
 * in BENCHMARKS.md repeats them explicitly.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SigningBenchmark {
    static final String ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    static final long TIMESTAMP = 1_700_000_000L;
    static final String STANDARD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String VITABLE_SECRET = "vitable_bench_secret_7f3c9a1e";

    /** Body size in bytes: 1 KiB and 64 KiB. */
    @Param({"1024", "65536"})
    public int size;

    private byte[] body;

    // Hookcheck side
    private final SignatureScheme standard = SignatureSchemes.standardWebhooks();
    private final SignatureScheme vitable = SignatureSchemes.declarative(SignatureSchemes.VITABLE);
    private Secret standardSecret;
    private Secret vitableSecret;
    private List<Secret> standardSecrets;
    private Map<String, String> signedHeaders;
    private Clock clock;

    // Bare side: keyed once, signed-content prefixes encoded once
    private Mac sha256;
    private Mac sha512;
    private byte[] standardPrefix; // "{id}.{timestamp}."
    private byte[] vitablePrefix; // "{timestamp}."
    private byte[] receivedSignature; // the v1 value of signedHeaders, as ASCII bytes

    @Setup(Level.Trial)
    public void setup() throws GeneralSecurityException {
        body = body(size);
        standardSecret = Secret.of(STANDARD_SECRET);
        vitableSecret = Secret.of(VITABLE_SECRET);
        standardSecrets = List.of(standardSecret);
        clock = Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + 10), ZoneOffset.UTC);

        sha256 = Mac.getInstance("HmacSHA256");
        sha256.init(new SecretKeySpec(
                Base64.getDecoder().decode(STANDARD_SECRET.substring("whsec_".length())), "HmacSHA256"));
        sha512 = Mac.getInstance("HmacSHA512");
        sha512.init(new SecretKeySpec(VITABLE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        standardPrefix = (ID + "." + TIMESTAMP + ".").getBytes(StandardCharsets.UTF_8);
        vitablePrefix = (TIMESTAMP + ".").getBytes(StandardCharsets.US_ASCII);

        signedHeaders = standard.sign(standardSecret, ID, TIMESTAMP, body);
        receivedSignature = signedHeaders.get("webhook-signature").substring("v1,".length())
                .getBytes(StandardCharsets.US_ASCII);

        // Each pair must compute the same thing, or the ratio means nothing.
        same("v1," + standardSign_bare(), signedHeaders.get("webhook-signature"), "standard sign");
        same("sha512=" + vitableSign_bare(),
                vitableSign_hookcheck().get("X-Vitable-Signature"), "vitable sign");
        if (!standardVerify_bare() || !standardVerify_hookcheck().isVerified()) {
            throw new IllegalStateException("standard verify does not accept its own signature");
        }
    }

    /** Printable ASCII, fixed seed: the MAC cost does not depend on the content, only the length. */
    static byte[] body(int size) {
        SplittableRandom random = new SplittableRandom(42);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (' ' + random.nextInt(95));
        }
        return bytes;
    }

    private static void same(String bare, String hookcheck, String what) {
        if (!bare.equals(hookcheck)) {
            throw new IllegalStateException(what + ": bare loop and Hookcheck disagree");
        }
    }

    // ---- Standard Webhooks v1: HMAC-SHA256 over {id}.{timestamp}.{body}, base64 ----

    @Benchmark
    public String standardSign_bare() {
        sha256.update(standardPrefix);
        sha256.update(body);
        return Base64.getEncoder().encodeToString(sha256.doFinal());
    }

    @Benchmark
    public Map<String, String> standardSign_hookcheck() {
        return standard.sign(standardSecret, ID, TIMESTAMP, body);
    }

    // ---- Vitable: HMAC-SHA512 over {timestamp}.{body}, hex ----

    @Benchmark
    public String vitableSign_bare() {
        sha512.update(vitablePrefix);
        sha512.update(body);
        return HexFormat.of().formatHex(sha512.doFinal());
    }

    @Benchmark
    public Map<String, String> vitableSign_hookcheck() {
        return vitable.sign(vitableSecret, ID, TIMESTAMP, body);
    }

    // ---- Standard Webhooks verify of a valid v1 signature ----

    /** Recompute, encode, compare in constant time: what any receiver must do at least. */
    @Benchmark
    public boolean standardVerify_bare() {
        sha256.update(standardPrefix);
        sha256.update(body);
        return MessageDigest.isEqual(Base64.getEncoder().encode(sha256.doFinal()), receivedSignature);
    }

    @Benchmark
    public Verification standardVerify_hookcheck() {
        return standard.verify(signedHeaders, body, standardSecrets, clock);
    }
}
