package dev.hookcheck.conformance.report;

import dev.hookcheck.conformance.CheckResult;
import java.util.Map;
import java.util.Optional;

/**
 * The request a check sent, as a curl command to paste into a POSIX shell: the same method, URL,
 * headers (in their letter case, the signature included) and body bytes. The secret is never in it: the
 * request carries a signature made with it, not the secret.
 */
final class Curl {
    private Curl() {}

    /** Empty when the report does not hold the body exactly as sent (cut, not text, or with a NUL). */
    static Optional<String> of(CheckResult.Request request) {
        if (!request.bodyComplete() || request.body().indexOf('\0') >= 0) {
            return Optional.empty();
        }
        StringBuilder curl = new StringBuilder("curl -sS -i");
        if (!request.method().equals("POST")) {
            curl.append(" -X ").append(quote(request.method()));
        }
        curl.append(' ').append(quote(request.url()));
        boolean contentType = false;
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            contentType |= header.getKey().equalsIgnoreCase("Content-Type");
            // "Name;" is how curl sends a header with an empty value ("Name:" would remove it)
            String line = header.getValue().isEmpty() ? header.getKey() + ";" : header.getKey() + ": " + header.getValue();
            curl.append(" \\\n  -H ").append(quote(line));
        }
        if (!contentType) {
            curl.append(" \\\n  -H ").append(quote("Content-Type:")); // curl would add a form type of its own
        }
        curl.append(" \\\n  -H ").append(quote("Expect:")); // no 100-continue for large bodies
        // --data-raw: a body starting with @ is data, not a file name
        String data = request.body().startsWith("@") ? "--data-raw " : "--data-binary ";
        return Optional.of(curl.append(" \\\n  ").append(data).append(quote(request.body())).toString());
    }

    /** One shell word: {@code it's} becomes {@code 'it'\''s'}; newlines and everything else stay literal. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
