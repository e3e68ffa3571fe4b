package dev.hookcheck.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.Schemas;
import dev.hookcheck.mock.internal.http.RawHttp.Answer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Jetty and Javalin refuse before a route runs, and what the request guard refuses, in every
 * dialect: each answer is JSON in that dialect's published error shape, with the right status and
 * the project's own words (no HTML page, no library text, no class name).
 */
class PreRouteErrorsTest {
    static final String KEY = "pre-route-key";
    /** Words that would mean a library's text or a class name reached the client. */
    static final Pattern LEAK = Pattern.compile("(?i)jetty|javalin|jackson|exception|java\\.|tools\\.|org\\.eclipse|<html"
            + "|StreamReadConstraints|JsonToken|DeserializationFeature|badMessage");

    static MockServer server;

    /** One API: a path it owns, a write that reads a JSON body there (null for a read-only API), its error schemas. */
    record Api(String name, String path, String write, String auth, List<String> schemas) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Api ADMIN = new Api("admin", "/__admin/events", "POST /__admin/events", "", List.of("admin/error.schema.json"));
    static final Api VITABLE = new Api("vitable", "/v1/webhook-events", null, "Authorization: Bearer " + KEY + "\r\n",
            List.of("vitable/error.schema.json"));
    static final Api DFNS = new Api("dfns", "/webhooks", "POST /webhooks", "Authorization: Bearer " + KEY
            + "\r\nX-DFNS-USERACTION: signed\r\n", List.of("dfns/error.schema.json"));
    static final Api PREO = new Api("preo", "/api/management/webhooks/", "POST /api/management/webhooks/",
            "Authorization: Bearer " + KEY + "\r\n", List.of("preo/error.schema.json", "preo/validation-error.schema.json"));

    @BeforeAll
    static void start() {
        // any user action: the Dfns writes here test what is refused before and while the body is read
        server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(0).withApiKey(KEY)
                .withDfnsUserActions(MockServerConfig.DfnsUserActions.ANY)).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> everyDialect() {
        return Stream.of(ADMIN, VITABLE, DFNS, PREO).map(Arguments::of);
    }

    static Stream<Arguments> everyDialectThatTakesABody() {
        return Stream.of(ADMIN, DFNS, PREO).map(Arguments::of);
    }

    private static Answer get(Api api, String target, String moreHeaders) {
        return RawHttp.send(server.port(), "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + api.auth() + moreHeaders);
    }

    private static Answer write(Api api, String headers, byte[] body) {
        return RawHttp.send(server.port(), api.write() + " HTTP/1.1\r\nHost: localhost\r\n" + api.auth() + headers, body);
    }

    /** The status, JSON in the dialect's shape, no leak, a short body. */
    private static void assertRefused(Api api, Answer answer, int status) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body()).doesNotContainPattern(LEAK).hasSizeLessThan(2000);
        List<AssertionError> failures = new ArrayList<>();
        for (String schema : api.schemas()) {
            try {
                Schemas.assertValid(schema, answer.body());
                return;
            } catch (AssertionError e) {
                failures.add(e);
            }
        }
        throw failures.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialect")
    void aNulInThePathIsA400InTheDialectsShape(Api api) {
        assertRefused(api, get(api, api.path() + "/%00", ""), 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialect")
    void aBadPercentEncodingInThePathIsA400InTheDialectsShape(Api api) {
        assertRefused(api, get(api, api.path() + "/%zz", ""), 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialect")
    void invalidUtf8InThePathIsA400InTheDialectsShape(Api api) {
        assertRefused(api, get(api, api.path() + "/%C3%28", ""), 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialect")
    void aControlCharacterInTheRequestLineIsA400InTheDialectsShape(Api api) {
        assertRefused(api, get(api, api.path() + "/\u0001", ""), 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialect")
    void aUriOfNineKilobytesIsA414InTheDialectsShape(Api api) {
        assertRefused(api, get(api, api.path() + "?q=" + "a".repeat(9 * 1024), ""), 414);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialect")
    void aUriOfAMegabyteIsA414InTheDialectsShape(Api api) {
        assertRefused(api, get(api, api.path() + "/" + "a".repeat(1024 * 1024), ""), 414);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialect")
    void headersOfTwentyKilobytesAreA431InTheDialectsShape(Api api) {
        assertRefused(api, get(api, api.path(), "X-Padding: " + "p".repeat(20 * 1024) + "\r\n"), 431);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialect")
    void anUnsupportedHttpVersionIsA505InTheDialectsShape(Api api) {
        assertRefused(api, RawHttp.send(server.port(), "GET " + api.path() + " HTTP/9.9\r\nHost: localhost\r\n"), 505);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialect")
    void aDeclaredBodyOverTheLimitIsA413InTheDialectsShape(Api api) {
        byte[] body = new byte[Limits.MAX_BODY_BYTES + 1];
        Answer answer = RawHttp.send(server.port(), "POST " + api.path() + " HTTP/1.1\r\nHost: localhost\r\n" + api.auth()
                + "Content-Type: application/json\r\nContent-Length: " + body.length, body);
        assertRefused(api, answer, 413);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialectThatTakesABody")
    void aChunkedBodyOverTheLimitIsA413InTheDialectsShape(Api api) {
        byte[] chunk = ("{\"a\":\"" + "x".repeat(Limits.MAX_BODY_BYTES) + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] body = (Integer.toHexString(chunk.length) + "\r\n" + new String(chunk, StandardCharsets.US_ASCII) + "\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertRefused(api, write(api, "Content-Type: application/json\r\nTransfer-Encoding: chunked", body), 413);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialectThatTakesABody")
    void aCharsetOtherThanUtf8IsA415InTheDialectsShape(Api api) {
        byte[] body = "{}".getBytes(StandardCharsets.US_ASCII);
        Answer answer = write(api, "Content-Type: application/json; charset=bogus\r\nContent-Length: 2", body);
        assertRefused(api, answer, 415);
        assertThat(answer.body()).contains("bogus");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialect")
    void anUnknownRouteIsA404InTheDialectsShape(Api api) {
        assertRefused(api, get(api, api.path() + "/no/such/route/here", ""), 404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialect")
    void aWrongMethodIsA405InTheDialectsShape(Api api) {
        assertRefused(api, RawHttp.send(server.port(), "PATCH " + api.path() + " HTTP/1.1\r\nHost: localhost\r\n" + api.auth()
                + "Content-Type: application/json\r\nContent-Length: 2", "{}".getBytes(StandardCharsets.US_ASCII)), 405);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialect")
    void aMethodOverrideHeaderIsA400InTheDialectsShape(Api api) {
        assertRefused(api, get(api, api.path(), "X-HTTP-Method-Override: DELETE\r\n"), 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialect")
    void aBadPercentEncodingInTheQueryIsA400InTheDialectsShape(Api api) {
        assertRefused(api, get(api, api.path() + "?limit=%zz", ""), 400);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialect")
    void aHostThatIsNotThisSandboxIsA403InTheDialectsShape(Api api) {
        assertRefused(api, RawHttp.send(server.port(), "GET " + api.path() + " HTTP/1.1\r\nHost: evil.example\r\n" + api.auth()),
                403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialectThatTakesABody")
    void twoJsonDocumentsInOneBodyAreA400InTheDialectsShape(Api api) {
        byte[] body = "{\"a\":1}{\"b\":2}".getBytes(StandardCharsets.US_ASCII);
        Answer answer = write(api, "Content-Type: application/json\r\nContent-Length: " + body.length, body);
        assertRefused(api, answer, 400);
        assertThat(answer.body()).contains("more than one JSON value");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialectThatTakesABody")
    void jsonNestedTooDeepIsA400InTheDialectsShape(Api api) {
        byte[] body = ("[".repeat(Limits.MAX_JSON_DEPTH + 1) + "]".repeat(Limits.MAX_JSON_DEPTH + 1)).getBytes(StandardCharsets.US_ASCII);
        Answer answer = write(api, "Content-Type: application/json\r\nContent-Length: " + body.length, body);
        assertRefused(api, answer, 400);
        assertThat(answer.body()).contains("deeper than " + Limits.MAX_JSON_DEPTH);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDialectThatTakesABody")
    void aBodyThatIsNotUtf8IsA400InTheDialectsShape(Api api) {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Answer answer = write(api, "Content-Type: application/json\r\nContent-Length: " + body.length, body);
        assertRefused(api, answer, 400);
        assertThat(answer.body()).contains("not valid UTF-8");
    }
}
