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
        StringBuilder text = new StringBuilder("\n\nrequest sent:\n");
        CheckResult.Request request = evidence.request();
        text.append(request.method()).append(' ').append(request.url()).append('\n');
        headers(text, request.headers());
        text.append('\n').append(request.body()).append("\n\nresponse seen:\n");
        CheckResult.Response response = evidence.response();
        if (response == null) {
            return text.append("(none)").toString();
        }
        text.append(response.status()).append('\n');
        headers(text, response.headers());
        return text.append('\n').append(response.body()).toString();
    }

    private static void headers(StringBuilder text, Map<String, String> headers) {
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
    }
}
