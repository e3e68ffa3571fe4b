package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Delivery;
import dev.hookcheck.conformance.internal.Session;
import java.nio.charset.StandardCharsets;

/** SIG-006: the signature covers every byte of the body. */
final class ChangedBodyRejected extends Check {
    ChangedBodyRejected() {
        super("SIG-006", Category.SIGNATURE, "rejects a body changed by one byte after signing",
                "a valid delivery (with an extra field hookcheck_check) whose body has one byte changed: a digit inside a string, so it is still valid JSON",
                "4xx",
                "verify the signature over the exact bytes you received, all of them, before you use the body.",
                "Whoever captures a delivery can change the amount or the account in its body; only the"
                        + " signature stops that.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return signsBody(receiver, Level.required());
    }

    @Override
    public void run(Session session) {
        Delivery delivery = session.withField(session.delivery(), "hookcheck_check", id());
        byte[] body = delivery.body().clone();
        byte[] marker = ("\"" + id() + "\"").getBytes(StandardCharsets.UTF_8);
        int at = indexOf(body, marker) + marker.length - 2; // the marker's last digit
        body[at] = (byte) (body[at] == '9' ? '8' : body[at] + 1);
        session.expectRejected(session.send(delivery.withRawBody(body)),
                "for a body changed at byte " + at + " after signing");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("the event data lost its marker " + new String(needle, StandardCharsets.UTF_8));
    }
}
