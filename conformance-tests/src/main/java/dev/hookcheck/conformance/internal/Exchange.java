package dev.hookcheck.conformance.internal;

import dev.hookcheck.conformance.CheckResult;

/**
 * One request sent and what came of it.
 *
 * @param request the request as recorded for the report
 * @param response the answer as recorded, or null when none came
 * @param responseBody the whole answer body as text (secrets blanked), for checks that search it
 * @param failure why no answer came, or null
 * @param elapsedMs from sending to the end of the answer (or the failure)
 */
public record Exchange(CheckResult.Request request, CheckResult.Response response, String responseBody,
        String failure, long elapsedMs) {

    public boolean answered() {
        return response != null;
    }

    /** The status code, or -1 without an answer. */
    public int status() {
        return response == null ? -1 : response.status();
    }

    /** Not refused: the status class (2xx or 3xx) is the delivery-contract checks' business. */
    public boolean accepted() {
        return answered() && status() >= 200 && status() < 400;
    }

    public boolean clientError() {
        return answered() && status() >= 400 && status() < 500;
    }

    /** What was seen, for a message: {@code 200}, {@code 307 (Location: /x)}, {@code no answer within 150 ms}. */
    public String describe() {
        if (response == null) {
            return failure;
        }
        String location = response.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("location")).map(e -> e.getValue()).findFirst().orElse(null);
        return location == null ? Integer.toString(status()) : status() + " (Location: " + location + ")";
    }

    public CheckResult.Evidence evidence() {
        return new CheckResult.Evidence(request, response);
    }
}
