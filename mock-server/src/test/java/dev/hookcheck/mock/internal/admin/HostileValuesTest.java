package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.mock.internal.Internals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.time.VirtualClock;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Quote;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Values an attacker sends to the admin API: numbers too large for any type, numbers of the wrong
 * JSON type, megabyte strings. Each is a 400 that names the field, in the project's words, quoting
 * at most a short prefix of the value; none is a 500.
 */
class HostileValuesTest {
    /** 10^400: a JSON integer no Java primitive holds; written HUGE in the sources below. */
    private static final String HUGE = "1" + "0".repeat(400);

    private static String value(String source) {
        return source.replace("HUGE", HUGE);
    }

    private final AdminClient admin = AdminClient.start(MockServerConfig.defaults()
            .withClock(VirtualClock.stopped(Instant.parse("2026-06-01T09:00:00Z"))));

    @AfterEach
    void close() {
        admin.close();
    }

    /**
     * A 400 naming {@code field}: {@code invalid_request} for a value of the wrong type or range,
     * {@code invalid_json} for a number longer than the parser takes. Returns the title.
     */
    private static String refusedNaming(AdminClient.Reply reply, String field) {
        JsonNode error = reply.expect(400, "error").get("errors").get(0);
        assertThat(error.get("code").stringValue()).isIn("invalid_request", "invalid_json");
        assertThat(error.get("source").get("pointer").stringValue()).isEqualTo("/" + field);
        assertThat(error.get("title").stringValue()).contains(field);
        return error.get("title").stringValue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HUGE", "-HUGE", "1e400", "1e308", "99999999999999999999999999999999999999", "\"1\"", "true", "[1]",
            "{}", "null"})
    void aClockScaleOutOfRangeOrOfTheWrongTypeIsA400NamingTheField(String value) {
        String title = refusedNaming(admin.post("/__admin/clock/scale", "{\"scale\":" + value(value) + "}"), "scale");
        assertThat(title).hasSizeLessThan(200).doesNotContain(HUGE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HUGE", "-HUGE", "1e400", "\"60\"", "false", "[60]", "{}", "null"})
    void aClockAdvanceOutOfRangeOrOfTheWrongTypeIsA400NamingTheField(String value) {
        String title = refusedNaming(admin.post("/__admin/clock/advance", "{\"seconds\":" + value(value) + "}"), "seconds");
        assertThat(title).hasSizeLessThan(200).doesNotContain(HUGE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HUGE", "-HUGE", "1e400", "\"0.5\"", "true", "[0.5]", "{}", "null"})
    void aFailureRuleProbabilityOutOfRangeOrOfTheWrongTypeIsA400NamingTheField(String value) {
        refusedNaming(admin.post("/__admin/failures", "{\"mode\":\"drop\",\"probability\":" + value(value) + "}"), "probability");
        assertThat(Internals.of(admin.server()).deliveries().failureRules().list()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"seed", "count"})
    void aFailureRuleWholeNumberTooLargeIsA400NamingTheField(String field) {
        refusedNaming(admin.post("/__admin/failures", "{\"mode\":\"duplicate\",\"" + field + "\":" + HUGE + "}"), field);
        refusedNaming(admin.post("/__admin/failures", "{\"mode\":\"duplicate\",\"" + field + "\":" + "9".repeat(90) + "}"), field);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HUGE", "-HUGE", "1e400", "\"1\"", "[1]", "null"})
    void aFailureRulePatchOutOfRangeOrOfTheWrongTypeIsA400NamingTheField(String value) {
        String id = admin.post("/__admin/failures", "{\"mode\":\"drop\",\"enabled\":false}").expect(201, "failure-rule")
                .get("id").stringValue();
        refusedNaming(admin.patch("/__admin/failures/" + id, "{\"probability\":" + value(value) + "}"), "probability");
        assertThat(Internals.of(admin.server()).deliveries().failureRules().get(id).orElseThrow().probability()).isEqualTo(1.0);
    }

    @Test
    void aNumberLongerThanTheLimitIsA400NamingTheField() {
        String title = admin.post("/__admin/clock/scale", "{\"scale\":" + "9".repeat(200) + "}")
                .expectError(400, "invalid_json", "scale");
        assertThat(title).doesNotContain("StreamReadConstraints").contains("longer than");
    }

    @Test
    void aMegabyteValueIsQuotedOnlyByItsPrefix() {
        String profile = "x".repeat(990 * 1024);

        String title = admin.post("/__admin/endpoints", "{\"profile\":\"" + profile + "\",\"url\":\"https://example.com/x\"}")
                .expectInvalid("profile");

        assertThat(title).hasSizeLessThan(ApiException.MAX_MESSAGE).contains("x".repeat(Quote.MAX_CHARS))
                .doesNotContain("x".repeat(Quote.MAX_CHARS + 1)).contains("(" + profile.length() + " characters)");
    }

    @Test
    void aMegabyteFieldNameIsNamedOnlyByItsPrefix() {
        String name = "n".repeat(900);

        String body = admin.post("/__admin/clock/scale", "{\"" + name + "\":1}").body();

        assertThat(body).hasSizeLessThan(ApiException.MAX_MESSAGE + ApiException.MAX_FIELD + 200);
    }
}
