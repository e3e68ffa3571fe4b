package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.mock.internal.Internals;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.hookcheck.mock.internal.admin.AdminClient.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.hookcheck.core.time.VirtualClock;
import dev.hookcheck.mock.MockServerConfig;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ClockRoutesTest {
    private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

    private final AdminClient admin = AdminClient.start(MockServerConfig.defaults().withClock(VirtualClock.stopped(START)));

    @AfterEach
    void close() {
        admin.close();
    }

    /** The receiver holds the retry until the advance has answered: an advance that waited for it would never answer. */
    @Test
    @Timeout(60)
    void advancingAnswersWhileTheAttemptsThatFellDueStillWaitForAHangingReceiver() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        HttpServer hanging = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hanging.setExecutor(Executors.newCachedThreadPool());
        hanging.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int n = requests.incrementAndGet();
            try {
                if (n > 1) {
                    answer.await(); // the retry hangs until the test has its answer from the clock
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        hanging.start();
        try {
            admin.organization("org_clock_h", "vitable");
            admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"organizationId\":\"org_clock_h\",\"url\":"
                    + "\"http://127.0.0.1:" + hanging.getAddress().getPort() + "/hook\"}").expect(201, "endpoint");
            String eventId = admin.post("/__admin/events", "{\"profile\":\"vitable\",\"organizationId\":\"org_clock_h\","
                    + "\"type\":\"enrollment.accepted\"}").expect(201, "event").get("id").stringValue();
            admin.get("/__admin/deliveries/await?count=1&status=retrying&eventId=" + eventId).expect(200, "delivery-list");

            JsonNode clock = admin.post("/__admin/clock/advance", "{\"duration\":\"PT1M\"}").expect(200, "clock");

            assertThat(clock.get("now").stringValue()).isEqualTo(START.plusSeconds(60).toString());
            answer.countDown();
            JsonNode retried = admin.get("/__admin/deliveries/await?count=1&status=retrying&eventId=" + eventId
                    + "&timeoutMs=30000").expect(200, "delivery-list");
            Internals.of(admin.server()).deliveries().awaitIdle();
            assertThat(requests.get()).isEqualTo(2);
            assertThat(retried.get("deliveries").size()).isEqualTo(1);
        } finally {
            answer.countDown();
            hanging.stop(0);
        }
    }

    @Test
    void tellsTheTimeTheSpeedAndWhatIsScheduled() {
        JsonNode clock = admin.get("/__admin/clock").expect(200, "clock");

        assertThat(clock.get("now").stringValue()).isEqualTo(START.toString());
        assertThat(clock.get("scale").doubleValue()).isZero();
        assertThat(clock.get("scheduled").intValue()).isZero();
    }

    @Test
    void advancesBySeconds() {
        JsonNode clock = admin.post("/__admin/clock/advance", valid("clock-advance", "{\"seconds\":90.5}")).expect(200, "clock");

        assertThat(clock.get("now").stringValue()).isEqualTo(START.plusMillis(90_500).toString());
    }

    @Test
    void advancesByAnIsoDuration() {
        JsonNode clock = admin.post("/__admin/clock/advance", valid("clock-advance", "{\"duration\":\"P1DT2H\"}"))
                .expect(200, "clock");

        assertThat(clock.get("now").stringValue()).isEqualTo(START.plusSeconds(26 * 3600).toString());
        assertThat(admin.get("/__admin/clock").expect(200, "clock").get("now").stringValue()).isEqualTo(clock.get("now").stringValue());
    }

    @Test
    void advancingRunsTheRetriesThatFellDueEachAtItsInstant() {
        WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.start();
        try {
            receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
            receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("ok")
                    .willReturn(aResponse().withStatus(200)));
            admin.organization("org_clock_v", "vitable");
            admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"organizationId\":\"org_clock_v\",\"url\":\"http://localhost:"
                    + receiver.port() + "/hook\"}").expect(201, "endpoint");
            String eventId = admin.post("/__admin/events", "{\"profile\":\"vitable\",\"organizationId\":\"org_clock_v\","
                    + "\"type\":\"enrollment.accepted\"}").expect(201, "event").get("id").stringValue();
            JsonNode retrying = admin.get("/__admin/deliveries/await?count=1&status=retrying&eventId=" + eventId)
                    .expect(200, "delivery-list").get("deliveries").get(0);
            assertThat(admin.get("/__admin/clock").expect(200, "clock").get("scheduled").intValue()).isEqualTo(1);

            admin.post("/__admin/clock/advance", "{\"duration\":\"PT1M\"}").expect(200, "clock");

            admin.get("/__admin/deliveries/await?count=1&status=delivered&eventId=" + eventId).expect(200, "delivery-list");
            JsonNode delivered = admin.get("/__admin/deliveries/" + retrying.get("id").stringValue()).expect(200, "delivery");
            assertThat(delivered.get("status").stringValue()).isEqualTo("delivered");
            assertThat(delivered.get("attempts").intValue()).isEqualTo(2);
            assertThat(delivered.get("lastAttemptAt").stringValue()).isEqualTo(retrying.get("nextAttemptAt").stringValue());
        } finally {
            receiver.stop();
        }
    }

    @Test
    void changesTheSpeed() {
        JsonNode clock = admin.post("/__admin/clock/scale", valid("clock-scale", "{\"scale\":3600}")).expect(200, "clock");
        assertThat(clock.get("scale").doubleValue()).isEqualTo(3600);

        JsonNode stopped = admin.post("/__admin/clock/scale", valid("clock-scale", "{\"scale\":0}")).expect(200, "clock");
        assertThat(stopped.get("scale").doubleValue()).isZero();
        String now = stopped.get("now").stringValue();
        assertThat(admin.get("/__admin/clock").expect(200, "clock").get("now").stringValue()).isEqualTo(now);
    }

    @Test
    void advancingNeedsSecondsOrADuration() {
        admin.post("/__admin/clock/advance", "{}").expectInvalid("seconds");
    }

    @Test
    void advancingTakesSecondsOrADurationNotBoth() {
        admin.post("/__admin/clock/advance", "{\"seconds\":1,\"duration\":\"PT1S\"}").expectInvalid("duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "\"60\"", "true", "315360001"})
    void refusesSecondsThatAreNotANumberOfSecondsWithinTenYears(String seconds) {
        admin.post("/__admin/clock/advance", "{\"seconds\":" + seconds + "}").expectInvalid("seconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1 hour\"", "\"-PT1H\"", "\"P4000D\"", "60"})
    void refusesADurationThatIsNotAPositiveIsoDurationWithinTenYears(String duration) {
        admin.post("/__admin/clock/advance", "{\"duration\":" + duration + "}").expectInvalid("duration");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"scale\":-1}", "{\"scale\":null}", "{\"scale\":\"fast\"}", "{\"scale\":1000001}"})
    void refusesAScaleThatIsNotANonNegativeNumber(String body) {
        admin.post("/__admin/clock/scale", body).expectInvalid("scale");
    }

    @Test
    void refusesUnknownFieldsAndMalformedJson() {
        admin.post("/__admin/clock/advance", "{\"minutes\":5}").expectInvalid("minutes");
        admin.post("/__admin/clock/scale", "{\"scale\":").expectError(400, "invalid_json", null);
    }

    @Test
    void aRefusedAdvanceLeavesTheClockWhereItWas() {
        admin.post("/__admin/clock/advance", "{\"seconds\":-5}").expectInvalid("seconds");

        assertThat(admin.get("/__admin/clock").expect(200, "clock").get("now").stringValue()).isEqualTo(START.toString());
    }

    @Test
    void aClockThatIsNotVirtualCanBeReadButNeitherMovedNorSpedUp() {
        try (AdminClient fixed = AdminClient.start()) {
            JsonNode clock = fixed.get("/__admin/clock").expect(200, "clock");
            assertThat(clock.get("scale").isNull()).isTrue();
            assertThat(clock.get("now").stringValue()).isEqualTo(AdminClient.NOW.toString());

            fixed.post("/__admin/clock/advance", "{\"seconds\":60}").expectError(409, "conflict", null);
            fixed.post("/__admin/clock/scale", "{\"scale\":2}").expectError(409, "conflict", null);
        }
    }
}
