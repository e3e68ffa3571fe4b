package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.internal.Session;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** SIG-014: HTTP header names are case-insensitive; HTTP/2 and many proxies lower-case them. */
final class HeaderCaseAccepted extends Check {
    HeaderCaseAccepted() {
        super("SIG-014", Category.SIGNATURE, "accepts header names in any letter case",
                "two valid deliveries, one with every header name in lower case, one in upper case",
                "2xx for both",
                "look headers up ignoring letter case (your framework's header API does); never copy them into a"
                        + " plain map keyed by the provider's spelling.",
                "Header names are case-insensitive in HTTP and proxies change their case; a case-sensitive"
                        + " lookup refuses genuine deliveries.");
    }

    @Override
    public void run(Session session) {
        UnaryOperator<String> lower = name -> name.toLowerCase(Locale.ROOT);
        UnaryOperator<String> upper = name -> name.toUpperCase(Locale.ROOT);
        session.expectAccepted(session.send(session.delivery().withHeaderNames(lower)),
                "with every header name in lower case");
        session.expectAccepted(session.send(session.delivery().withHeaderNames(upper)),
                "with every header name in upper case");
    }
}
