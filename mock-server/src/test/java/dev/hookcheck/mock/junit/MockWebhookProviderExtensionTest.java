package dev.hookcheck.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.sun.net.httpserver.HttpServer;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.delivery.FailureRule;
import dev.hookcheck.mock.store.AttemptRecord;
import dev.hookcheck.mock.store.Delivery;
import dev.hookcheck.mock.store.DeliveryStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The extension, run as a consumer would run it, through JUnit's EngineTestKit. */
class MockWebhookProviderExtensionTest {

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    /** Class-level failures (from {@code beforeAll}) are reported on the class, not on its tests. */
    private static Events runAll(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().allEvents();
    }

    /** A receiver that answers each request with the next status of the list (the last one repeats). */
    static final class Receiver implements AutoCloseable {
        final HttpServer http;
        final AtomicInteger requests = new AtomicInteger();

        Receiver(int... statuses) throws IOException {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/hook", exchange -> {
                exchange.getRequestBody().readAllBytes();
                int n = requests.getAndIncrement();
                exchange.sendResponseHeaders(statuses[Math.min(n, statuses.length - 1)], -1);
                exchange.close();
            });
            http.start();
        }

        String url() {
            return "http://127.0.0.1:" + http.getAddress().getPort() + "/hook";
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }

    @MockWebhookProvider
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class DeliversAndResets {
        static Receiver receiver;

        @BeforeAll
        static void start() throws IOException {
            receiver = new Receiver(200);
        }

        @AfterAll
        static void stop() {
            receiver.close();
        }

        @Test
        @Order(1)
        void deliversASignedWebhook(MockProvider provider) throws Exception {
            MockProvider.Registration hook = provider.register("vitable", receiver.url());
            provider.trigger("vitable", "enrollment.accepted");

            Delivery delivery = provider.awaitDeliveries(1, Duration.ofSeconds(10)).get(0);

            assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
            AttemptRecord sent = provider.server().store().attemptsOfDelivery(delivery.id()).get(0);
            assertThat(Profiles.get("vitable").scheme().verify(sent.requestHeaders(),
                    sent.requestBody().getBytes(StandardCharsets.UTF_8), List.<Secret>of(hook.secret()),
                    Clock.fixed(sent.sentAt(), ZoneOffset.UTC)).isVerified()).isTrue();
        }

        @Test
        @Order(2)
        void startsTheNextTestFromAFreshProvider(MockProvider provider) {
            assertThat(provider.server().store().deliveries()).isEmpty();
            assertThat(provider.server().store().organizationOfKey(provider.apiKey(), "dfns")).isPresent();
        }
    }

    @MockWebhookProvider
    static class AdvancesTheClockAndInjectsFailures {
        @Test
        void retriesOnTheProfileScheduleWhenTheClockIsAdvanced(MockProvider provider) throws Exception {
            try (Receiver receiver = new Receiver(500, 200)) {
                provider.register("vitable", receiver.url());
                provider.trigger("vitable", "employee.eligibility_granted");
                provider.server().deliveries().awaitDeliveries(d -> d.status() == DeliveryStatus.RETRYING, 1, Duration.ofSeconds(10));

                provider.advance(Duration.ofMinutes(1));

                assertThat(provider.awaitDeliveries(1, Duration.ofSeconds(10)).get(0).attempts()).isEqualTo(2);
            }
        }

        @Test
        void dropsADeliveryWhenToldTo(MockProvider provider) throws Exception {
            try (Receiver receiver = new Receiver(200)) {
                provider.register("standard", receiver.url());
                provider.inject(FailureRule.drop());
                provider.trigger("standard", "invoice.paid");

                Delivery delivery = provider.awaitDeliveries(1, Duration.ofSeconds(10)).get(0);

                assertThat(delivery.failureReason()).isEqualTo("dropped");
                assertThat(receiver.requests).hasValue(0);
            }
        }
    }

    @MockWebhookProvider(events = -1)
    static class NegativeEvents {
        @Test
        void never(MockProvider provider) {
        }
    }

    @ExtendWith(MockWebhookProviderExtension.class)
    static class ExtendedWithoutTheAnnotation {
        @Test
        void never(MockProvider provider) {
        }
    }

    @MockWebhookProvider
    static class AsksForAnUnsupportedParameter {
        @Test
        void never(StringBuilder unsupported) {
        }
    }

    @Test
    void aCorrectlyUsedProviderDeliversAndIsResetBetweenTests() {
        run(DeliversAndResets.class).assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    }

    @Test
    void testsCanAdvanceTheClockAndInjectFailures() {
        run(AdvancesTheClockAndInjectsFailures.class).assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    }

    @Test
    void aBadAttributeFailsWithAMessageThatSaysHowToFixIt() {
        runAll(NegativeEvents.class).assertThatEvents().haveExactly(1,
                event(finishedWithFailure(message(m -> m.contains("events = -1") && m.contains("use 0")))));
    }

    @Test
    void registeringTheExtensionWithoutTheAnnotationSaysToUseTheAnnotation() {
        runAll(ExtendedWithoutTheAnnotation.class).assertThatEvents().haveExactly(1,
                event(finishedWithFailure(message(m -> m.contains("@MockWebhookProvider on the test class")))));
    }

    @Test
    void anUnsupportedParameterIsReportedByName() {
        run(AsksForAnUnsupportedParameter.class).assertThatEvents().haveExactly(1,
                event(finishedWithFailure(message(m -> m.contains("java.lang.StringBuilder")))));
    }
}
