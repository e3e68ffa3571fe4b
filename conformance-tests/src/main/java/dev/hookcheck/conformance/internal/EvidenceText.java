package dev.hookcheck.conformance.internal;

import dev.hookcheck.conformance.CheckResult;
import java.util.Map;

/** The request sent and the response seen, as text under a failure message. */
public final class EvidenceText {
    private EvidenceText() {}

    /** Empty without evidence; else two blocks, each starting with a blank line. */
    public static String of(CheckResult.Evidence evidence) {
        if (evidence == null) {
            return "";
        }
        return "\n\nrequest sent:\n" + request(evidence.request()) + "\n\nresponse seen:\n"
                + (evidence.response() == null ? "(none)" : response(evidence.response()));
    }

    /** The request line, one {@code name: value} line per header, a blank line, the body. */
    public static String request(CheckResult.Request request) {
        return request.method() + " " + request.url() + "\n" + headers(request.headers()) + "\n" + request.body();
    }

    /** The status, one {@code name: value} line per header, a blank line, the body. */
    public static String response(CheckResult.Response response) {
        return response.status() + "\n" + headers(response.headers()) + "\n" + response.body();
    }

    private static String headers(Map<String, String> headers) {
        StringBuilder text = new StringBuilder();
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.toString();
    }
}
