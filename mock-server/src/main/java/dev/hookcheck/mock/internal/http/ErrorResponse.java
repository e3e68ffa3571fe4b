package dev.hookcheck.mock.internal.http;

import io.javalin.http.Context;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An error as a client receives it: status, the headers the dialect adds ({@code WWW-Authenticate},
 * {@code Allow}) and the JSON body in the dialect's shape. Written by Javalin for errors raised in a
 * handler and by {@link PreRouteErrors} for what Jetty refuses before any handler runs.
 */
public record ErrorResponse(int status, Map<String, String> headers, JsonNode body) {
    public ErrorResponse {
        headers = Map.copyOf(headers);
    }

    public static ErrorResponse of(int status, JsonNode body) {
        return new ErrorResponse(status, Map.of(), body);
    }

    public ErrorResponse withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new ErrorResponse(status, more, body);
    }

    public void writeTo(Context ctx) {
        headers.forEach(ctx::header);
        Json.write(ctx, status, body);
    }
}
