package dev.hookcheck.core.signing;

import dev.hookcheck.core.signing.SchemeSpec.Algorithm;
import dev.hookcheck.core.signing.SchemeSpec.Encoding;
import dev.hookcheck.core.signing.SchemeSpec.KeyFormat;
import dev.hookcheck.core.signing.SchemeSpec.SignatureFormat;
import dev.hookcheck.core.signing.SchemeSpec.Source;
import java.time.Duration;
import java.util.List;

/** The built-in signature schemes, and declarative ones built from a {@link SchemeSpec}. */
public final class SignatureSchemes {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    /** Vitable: {@code X-Vitable-Signature: sha512=<hex>} over {@code {timestamp}.{body}}, ±300 s. */
    public static final SchemeSpec VITABLE = new SchemeSpec("vitable", Algorithm.HMAC_SHA512, KeyFormat.utf8(),
            "{timestamp}.{body}", SignatureFormat.prefixed("X-Vitable-Signature", "sha512=", Encoding.HEX),
            Source.header("X-Vitable-Timestamp"), Source.none(), Tolerance.both(FIVE_MINUTES), false);

    /**
     * Dfns: {@code X-DFNS-WEBHOOK-SIGNATURE: sha256=<hex>} over the body alone; the timestamp is
     * {@code timestampSent} inside the signed body, refused from 300 s on (exclusive edge).
     */
    public static final SchemeSpec DFNS = new SchemeSpec("dfns", Algorithm.HMAC_SHA256, KeyFormat.utf8(),
            "{body}", SignatureFormat.prefixed("X-DFNS-WEBHOOK-SIGNATURE", "sha256=", Encoding.HEX),
            Source.body("/timestampSent"), Source.none(),
            new Tolerance(FIVE_MINUTES, Tolerance.Direction.BOTH, Tolerance.Edge.EXCLUSIVE), false);

    /**
     * Preo. <b>Assumed</b>: Preo publishes no signature format; the kit uses
     * {@code X-Preo-Signature: t=<unix>,v1=<hex>} over {@code {t}.{body}}, ±300 s. Override it with a
     * declarative scheme if your Preo account signs differently.
     */
    public static final SchemeSpec PREO = new SchemeSpec("preo", Algorithm.HMAC_SHA256, KeyFormat.utf8(),
            "{timestamp}.{body}", SignatureFormat.pairs("X-Preo-Signature", "t", "v1", Encoding.HEX),
            Source.signature(), Source.none(), Tolerance.both(FIVE_MINUTES), false);

    /**
     * Stripe: {@code Stripe-Signature: t=<unix>,v1=<hex>[,v1=…]}, keyed with the whole {@code whsec_}
     * text; only stale timestamps are refused, as Stripe's own library does.
     */
    public static final SchemeSpec STRIPE = new SchemeSpec("stripe", Algorithm.HMAC_SHA256, KeyFormat.utf8(),
            "{timestamp}.{body}", SignatureFormat.pairs("Stripe-Signature", "t", "v1", Encoding.HEX),
            Source.signature(), Source.none(), Tolerance.pastOnly(FIVE_MINUTES), true);

    /**
     * GitHub: {@code X-Hub-Signature-256: sha256=<hex>} over the body; no timestamp, no replay window. GitHub
     * still sends the legacy {@code X-Hub-Signature: sha1=<hex HMAC-SHA1>} beside it, which receivers
     * should not rely on.
     */
    public static final SchemeSpec GITHUB = new SchemeSpec("github", Algorithm.HMAC_SHA256, KeyFormat.utf8(),
            "{body}", SignatureFormat.prefixed("X-Hub-Signature-256", "sha256=", Encoding.HEX),
            Source.none(), Source.none(), Tolerance.none(), false,
            List.of(new SchemeSpec.LegacySignature(Algorithm.HMAC_SHA1,
                    SignatureFormat.prefixed("X-Hub-Signature", "sha1=", Encoding.HEX))));

    private static final SignatureScheme STANDARD_WEBHOOKS = new StandardWebhooksScheme();

    private SignatureSchemes() {}

    /** Standard Webhooks 1.0, {@code v1} (HMAC-SHA256) and {@code v1a} (Ed25519). */
    public static SignatureScheme standardWebhooks() {
        return STANDARD_WEBHOOKS;
    }

    public static SignatureScheme declarative(SchemeSpec spec) {
        return new DeclarativeScheme(spec);
    }

    /** A declarative scheme from its JSON form; errors name the offending field. */
    public static SignatureScheme fromJson(String json) {
        return declarative(SchemeSpec.fromJson(json));
    }
}
