package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Session;

/** ROB-004: real events can be large (long lists, big objects); the whole body is signed. */
final class LargePayloadAccepted extends Check {
    static final int PADDING = 512 * 1024;

    LargePayloadAccepted() {
        super("ROB-004", Category.ROBUSTNESS, "accepts a large payload",
                "a correctly signed delivery padded to about 512 KiB with an extra field",
                "2xx",
                "read the whole body before verifying (no fixed buffer, no first chunk only) and allow bodies of a"
                        + " few MiB in your server and proxy limits.",
                "Real events can be large (long item lists); a body limit or a short read refuses or corrupts them.");
    }

    @Override
    public void run(Session session) {
        session.expectAccepted(session.send(session.withField(session.delivery(), "hookcheck_padding",
                "x".repeat(PADDING))),
                "for a delivery of " + (PADDING / 1024) + " KiB");
    }
}
