package dev.hookcheck.conformance.internal;

import dev.hookcheck.core.signing.SchemeSpec;
import dev.hookcheck.core.signing.SchemeSpec.Encoding;
import dev.hookcheck.core.signing.SchemeSpec.Source;
import dev.hookcheck.core.signing.SchemeSpec.Style;
import dev.hookcheck.core.signing.SignatureScheme;
import dev.hookcheck.core.signing.SignatureSchemes;
import java.util.Optional;

/**
 * How a scheme puts its signature, timestamp and id on the wire: what checks need to build
 * deliberately broken requests. Declarative schemes describe themselves; Standard Webhooks is known.
 *
 * @param signatureHeader the signature header, in the provider's letter case
 * @param style the header value's syntax
 * @param label the version label ({@code v1}) or prefix ({@code sha256=}) of a valid signature
 * @param encoding how signature bytes are written
 * @param timestampKey for {@code PAIRS}: the item carrying the timestamp, else null
 * @param separator for {@code PAIRS}: what separates the items ({@code ,} or the provider's own), else null
 * @param timestamp where the signed timestamp travels, and what it counts (seconds, or milliseconds in the body)
 * @param multipleSignatures whether the provider sends several signatures at once (key rotation)
 */
public record Wire(String signatureHeader, Style style, String label, Encoding encoding, String timestampKey,
        String separator, Source timestamp, boolean multipleSignatures) {

    private static final Wire STANDARD_WEBHOOKS = new Wire("webhook-signature", Style.LIST, "v1", Encoding.BASE64,
            null, null, Source.header("webhook-timestamp"), true);

    public static Optional<Wire> of(SignatureScheme scheme) {
        if (scheme == SignatureSchemes.standardWebhooks()) {
            return Optional.of(STANDARD_WEBHOOKS);
        }
        return scheme.spec().map(Wire::of);
    }

    private static Wire of(SchemeSpec spec) {
        SchemeSpec.SignatureFormat format = spec.signature();
        return new Wire(format.header(), format.style(), format.version(), format.encoding(), format.timestampKey(),
                format.separator(), spec.timestamp(), spec.multipleSignatures());
    }

    public boolean signsTimestamp() {
        return timestamp.from() != Source.From.NONE;
    }

    public boolean timestampInBody() {
        return timestamp.from() == Source.From.BODY;
    }

    /** Whether the provider writes its timestamp in milliseconds (in the body), not unix seconds. */
    public boolean timestampInMilliseconds() {
        return timestamp.unit() == Source.Unit.MILLISECONDS;
    }
}
