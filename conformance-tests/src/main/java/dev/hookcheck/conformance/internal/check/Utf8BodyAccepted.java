package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Session;

/** SIG-016: the body is UTF-8 bytes; decoding it with another charset changes what is verified. */
final class Utf8BodyAccepted extends Check {
    static final String TEXT = "Zoë Ångström · Łódź · 東京 · 🎉 · \u2028";

    Utf8BodyAccepted() {
        super("SIG-016", Category.SIGNATURE, "accepts a non-ASCII UTF-8 body",
                "a correctly signed delivery with an extra field holding accented letters, CJK, an emoji and U+2028 as raw UTF-8",
                "2xx",
                "verify over the raw bytes; if your framework hands you text, make sure it decoded UTF-8 (not ISO-8859-1"
                        + " or the platform default) and encode it back as UTF-8.",
                "Names, addresses and currencies are not ASCII; decoding with the wrong charset breaks"
                        + " verification for real customers.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return signsBody(receiver, Level.required());
    }

    @Override
    public void run(Session session) {
        session.expectAccepted(session.send(session.withField(session.delivery(), "hookcheck_text", TEXT)),
                "for a body with non-ASCII UTF-8 text");
    }
}
