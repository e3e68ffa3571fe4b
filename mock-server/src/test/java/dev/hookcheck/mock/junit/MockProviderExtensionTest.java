package dev.hookcheck.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.Verification;
import dev.hookcheck.mock.FailureRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The extension run as a consumer runs it, through JUnit's EngineTestKit, against receivers on real sockets. */
class MockProviderExtensionTest {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static Events tests(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    /** Runs the class and expects every test to pass, saying which did not and why. */
    private static void assertAllPass(Class<?> testClass, int count) {
        Events events = tests(testClass);
        assertThat(events.failed().stream().map(e -> e.getTestDescriptor().getDisplayName() + ": "
                + e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow()))
                .isEmpty();
        events.assertStatistics(stats -> stats.started(count).succeeded(count));
    }

    private static Events all(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().allEvents();
    }

    /**
     * A receiver on a raw socket: keeps every request exactly as it came over the wire (request line, header
     * lines, body bytes) and answers each with the next status of the list (the last one repeats).
     */
    static final class Receiver implements AutoCloseable {
        record Request(String line, Map<String, String> headers, byte[] body) {}

        final ServerSocket socket;
        final List<Request> requests = new CopyOnWriteArrayList<>();
        private final AtomicInteger answered = new AtomicInteger();

        Receiver(int... statuses) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        requests.add(read(connection.getInputStream()));
                        int status = statuses[Math.min(answered.getAndIncrement(), statuses.length - 1)];
                        OutputStream out = connection.getOutputStream();
                        out.write(("HTTP/1.1 " + status + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "raw-receiver");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private static Request read(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("closed");
                }
                head.append((char) c);
            }
            String[] lines = head.toString().split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("Content-Length", "0")));
            return new Request(lines[0], headers, body);
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hooks/in?tenant=a";
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    // ---- the annotation form

    @MockWebhookProvider
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class DeclaredOnTheClass {
        static Receiver receiver;
        static final List<String> EVENT_IDS = new ArrayList<>();

        @BeforeAll
        static void start() throws IOException {
            receiver = new Receiver(200);
        }

        @AfterAll
        static void stop() throws IOException {
            receiver.close();
        }

        @Test
        @Order(1)
        void signsWithTheApplicationsOwnSecretAndRecordsTheRequestExactlyAsSent(MockProvider provider) {
            provider.register(receiver.url(), Secret.of(SECRET));
            EVENT_IDS.add(provider.trigger("invoice.paid").id());

            RecordedDelivery sent = provider.takeDelivery(Duration.ofSeconds(5));
            Receiver.Request got = receiver.requests.get(0);

            assertThat(sent.requestLine()).isEqualTo("POST /hooks/in?tenant=a HTTP/1.1").isEqualTo(got.line());
            assertThat(sent.headers()).isEqualTo(got.headers());
            assertThat(sent.headers().keySet()).contains("Host", "Content-Length", "User-Agent")
                    .noneMatch(name -> name.equalsIgnoreCase("Upgrade") || name.equalsIgnoreCase("Connection"));
            assertThat(sent.body()).isEqualTo(got.body());
            assertThat(sent.status()).isEqualTo(200);
            assertThat(sent.attempt()).isEqualTo(1);
            assertThat(sent.eventType()).isEqualTo("invoice.paid");
            assertThat(Profiles.get("standard").scheme().verify(sent.headers(), sent.body(),
                    List.of(Secret.of(SECRET)), Clock.systemUTC())).isInstanceOf(Verification.Verified.class);
        }

        @Test
        @Order(2)
        void startsEveryTestCleanWithTheSameIds(MockProvider provider) {
            assertThat(provider.deliveries()).isEmpty();
            provider.register(receiver.url(), Secret.of(SECRET));
            EVENT_IDS.add(provider.trigger("invoice.paid").id());
            // each test has ids of its own (an application shared between tests never sees one twice)
            assertThat(EVENT_IDS).hasSize(2).doesNotHaveDuplicates();
        }

        @Test
        @Order(3)
        void makesASecretWhenTheTestGivesNone(MockProvider provider) {
            MockProvider.Registration registration = provider.register(receiver.url());
            provider.trigger("customer.created");

            RecordedDelivery sent = provider.takeDelivery(Duration.ofSeconds(5));
            assertThat(registration.secret().reveal()).startsWith("whsec_");
            assertThat(Profiles.get("standard").scheme().verify(sent.headers(), sent.body(),
                    List.of(registration.secret()), Clock.systemUTC())).isInstanceOf(Verification.Verified.class);
        }
    }

    @Test
    void theAnnotationFormDeliversSignedRequestsAndResetsBetweenTests() {
        DeclaredOnTheClass.EVENT_IDS.clear();
        assertAllPass(DeclaredOnTheClass.class, 3);
    }

    /** Ids depend on the test alone: the same when it runs alone or after others, distinct between tests. */
    @MockWebhookProvider
    static class IdsOfATest {
        static final Map<String, String> IDS = new java.util.concurrent.ConcurrentHashMap<>();

        @Test
        void a(MockProvider provider) {
            provider.trigger("invoice.paid");
            IDS.put("a", provider.trigger("invoice.paid").id());
        }

        @Test
        void b(MockProvider provider) {
            IDS.put("b", provider.trigger("invoice.paid").id());
        }
    }

    @Test
    void idsDependOnTheTestNotOnWhatRanBefore() {
        IdsOfATest.IDS.clear();
        assertAllPass(IdsOfATest.class, 2);
        Map<String, String> together = Map.copyOf(IdsOfATest.IDS);

        IdsOfATest.IDS.clear();
        EngineTestKit.engine("junit-jupiter").selectors(
                org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod(IdsOfATest.class, "b",
                        MockProvider.class.getName())).execute().testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(together.get("a")).isNotEqualTo(together.get("b"));
        assertThat(IdsOfATest.IDS.get("b")).isEqualTo(together.get("b"));
    }

    // ---- waiting

    @MockWebhookProvider
    static class WaitsInVain {
        @Test
        void nothingRegistered(MockProvider provider) {
            provider.trigger("invoice.paid");
            provider.awaitDeliveries(1, Duration.ofMillis(200));
        }

        @Test
        void notEnough(MockProvider provider) throws IOException {
            try (Receiver receiver = new Receiver(200)) {
                provider.register(receiver.url(), Secret.of(SECRET));
                provider.trigger("invoice.paid");
                provider.takeDelivery(Duration.ofSeconds(5));
                provider.takeDelivery(Duration.ofMillis(200));
            }
        }
    }

    @Test
    void aWaitThatEndsEmptyIsATestFailureListingWhatWasSent() {
        Events events = tests(WaitsInVain.class);
        events.assertStatistics(stats -> stats.failed(2));
        events.assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(DeliveryAssertionError.class),
                message(m -> m.startsWith("expected 1 delivery within 200 ms, saw no delivery at all: is a receiver"
                        + " registered")))));
        events.assertThatEvents().haveExactly(1, event(finishedWithFailure(instanceOf(DeliveryAssertionError.class),
                message(m -> m.startsWith("expected a delivery within 200 ms, saw 1 delivery:\n  #1 invoice.paid (msg_")
                        && m.endsWith("-> 200")))));
    }

    // ---- retries on the provider's clock

    @MockWebhookProvider
    static class RetriesWhenTheClockMoves {
        @Test
        void aFailedAttemptIsRetriedOnTheSchedule(MockProvider provider) throws IOException {
            try (Receiver receiver = new Receiver(500, 200)) {
                provider.register(receiver.url(), Secret.of(SECRET));
                provider.trigger("invoice.paid");
                assertThat(provider.takeDelivery(Duration.ofSeconds(5)).status()).isEqualTo(500);

                provider.advance(Duration.ofMinutes(1));

                RecordedDelivery retry = provider.takeDelivery(Duration.ofSeconds(5));
                assertThat(retry.attempt()).isEqualTo(2);
                assertThat(retry.status()).isEqualTo(200);
            }
        }

        @Test
        void anInjectedFailureIsLabelled(MockProvider provider) throws IOException {
            try (Receiver receiver = new Receiver(200)) {
                provider.register(receiver.url(), Secret.of(SECRET));
                provider.inject(FailureRule.duplicate(2, false));
                provider.trigger("invoice.paid");

                List<RecordedDelivery> sent = provider.awaitDeliveries(2, Duration.ofSeconds(5));
                assertThat(sent).extracting(RecordedDelivery::failure).allMatch(label -> label.startsWith("duplicate"));
                assertThat(sent.get(0).eventId()).isEqualTo(sent.get(1).eventId());
            }
        }
    }

    @MockWebhookProvider
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ClockPerTest {
        @Test
        @Order(1)
        void movesItFarAhead(MockProvider provider) {
            provider.advance(Duration.ofHours(2));
            assertThat(provider.clock().instant()).isAfter(java.time.Instant.now().plus(Duration.ofMinutes(119)));
        }

        @Test
        @Order(2)
        void startsAtTheRealTimeAgain(MockProvider provider) {
            assertThat(Duration.between(provider.clock().instant(), java.time.Instant.now()).abs())
                    .isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void everyTestStartsTheStoppedClockAtTheRealTime() {
        assertAllPass(ClockPerTest.class, 2);
    }

    @Test
    void retriesAndInjectedFailuresAreSeen() {
        assertAllPass(RetriesWhenTheClockMoves.class, 2);
    }

    // ---- nested classes, the builder form, another profile

    @MockWebhookProvider(profile = "vitable")
    static class Outer {
        static final List<String> SERVERS = new CopyOnWriteArrayList<>();

        @Test
        void outer(MockProvider provider) {
            SERVERS.add(provider.baseUrl());
        }

        @Nested
        class Inner {
            @Test
            void inner(MockProvider provider) {
                SERVERS.add(provider.baseUrl());
                assertThat(provider.profile()).isEqualTo("vitable");
            }
        }
    }

    @Test
    void aNestedClassUsesItsEnclosingClasssProvider() {
        Outer.SERVERS.clear();
        assertAllPass(Outer.class, 2);
        assertThat(Outer.SERVERS).hasSize(2).containsOnly(Outer.SERVERS.get(0));
    }

    static class RegisteredByBuilder {
        @RegisterExtension
        static MockProviderExtension provider = MockProviderExtension.builder().profile("stripe").seed(7).build();

        @Test
        void theFieldIsTheProvider() throws IOException {
            try (Receiver receiver = new Receiver(200)) {
                String secret = "whsec_stripe_builder_test_secret_01";
                provider.register(receiver.url(), Secret.of(secret));
                provider.trigger("invoice.paid");

                RecordedDelivery sent = provider.takeDelivery(Duration.ofSeconds(5));
                assertThat(sent.header("stripe-signature")).startsWith("t=");
                assertThat(provider.profile("standard").profile()).isEqualTo("standard");
            }
        }

        @Nested
        class Inside {
            @Test
            void sharesIt() {
                assertThat(provider.deliveries()).isEmpty();
            }
        }
    }

    @Test
    void theBuilderFormWorksAsAStaticFieldAndInNestedClasses() {
        assertAllPass(RegisteredByBuilder.class, 2);
    }

    // ---- misuse

    @ExtendWith(MockProviderExtension.class)
    static class WithoutTheAnnotation {
        @Test
        void test(MockProvider provider) {}
    }

    @MockWebhookProvider(events = -1)
    static class NegativeEvents {
        @Test
        void test() {}
    }

    @MockWebhookProvider(profile = "paypal")
    static class UnknownProfile {
        @Test
        void test() {}
    }

    @MockWebhookProvider
    static class BadSecret {
        @Test
        void test(MockProvider provider) {
            provider.register("http://127.0.0.1:1/hooks", Secret.of("whsec_!not base64!"));
        }
    }

    static class UsedTooEarly {
        static MockProviderExtension unregistered = MockProviderExtension.builder().build();

        @Test
        void test() {
            unregistered.trigger("invoice.paid");
        }
    }

    @Test
    void misuseSaysHowToFixIt() {
        all(WithoutTheAnnotation.class).assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(m ->
                m.contains("put @MockWebhookProvider on the test class (or an enclosing one) instead of @ExtendWith")))));
        all(NegativeEvents.class).assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(
                "events = -1 must not be negative; use 0 for no seeded events"))));
        all(UnknownProfile.class).assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(m ->
                m.startsWith("profile = \"paypal\" is unknown; known profiles: standard")))));
        tests(BadSecret.class).assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(IllegalArgumentException.class), message(m -> m.startsWith("that secret cannot sign Standard"
                        + " Webhooks deliveries: ")))));
        tests(UsedTooEarly.class).assertThatEvents().haveExactly(1, event(finishedWithFailure(
                message(m -> m.startsWith("the mock provider is not running yet")))));
    }
}
