package dev.hookcheck.mock.internal.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A slow or hanging receiver costs a bounded number of threads, never another endpoint's deliveries, never a clean shutdown. */
class BoundedResourcesTest {
    private final JdkReceiver hanging = new JdkReceiver();
    private EngineFixture fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
        hanging.close();
    }

    private Endpoint hangingEndpoint() {
        Endpoint endpoint = fx.endpoint("preo", "/hook");
        fx.store.putEndpoint(endpoint.withUrl(hanging.url(), fx.clock.instant()));
        return endpoint;
    }

    private List<Delivery> deliveriesIn(Endpoint endpoint, DeliveryStatus status) {
        return fx.store.deliveriesOfEndpoint(endpoint.id()).stream().filter(d -> d.status() == status).toList();
    }

    @Test
    void aHangingReceiverCannotHoldUpDeliveriesToAnotherEndpoint() throws Exception {
        fx = new EngineFixture(MockServerConfig.defaults().withConcurrency(4, 2));
        fx.receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        Endpoint stuck = hangingEndpoint();
        Endpoint healthy = fx.endpoint("standard", "/hook");
        CountDownLatch twoHanging = hanging.expect(2);
        for (int i = 0; i < 10; i++) {
            fx.trigger(stuck);
        }
        assertThat(twoHanging.await(10, TimeUnit.SECONDS)).isTrue();

        Delivery delivered = fx.awaitFinal(fx.trigger(healthy));

        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(deliveriesIn(stuck, DeliveryStatus.IN_PROGRESS)).hasSize(2);
        assertThat(deliveriesIn(stuck, DeliveryStatus.PENDING)).hasSize(8);
        assertThat(hanging.mostInFlight()).isEqualTo(2);
    }

    @Test
    void atMostTheConfiguredNumberOfRequestsAreInFlightToOneEndpoint() throws Exception {
        fx = new EngineFixture(MockServerConfig.defaults().withConcurrency(8, 2));
        Endpoint endpoint = hangingEndpoint();
        CountDownLatch firstTwo = hanging.expect(2);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(fx.trigger(endpoint));
        }
        assertThat(firstTwo.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(deliveriesIn(endpoint, DeliveryStatus.IN_PROGRESS)).hasSize(2);
        hanging.release();

        assertThat(fx.engine().awaitDeliveries(d -> d.endpointId().equals(endpoint.id())
                && d.status() == DeliveryStatus.DELIVERED, 6, Duration.ofSeconds(10))).hasSize(6);
        assertThat(hanging.received()).isEqualTo(6);
        assertThat(hanging.mostInFlight()).isEqualTo(2);
    }

    @Test
    void closingTheServerReturnsPromptlyWithAttemptsInFlight() throws Exception {
        fx = new EngineFixture();
        Endpoint endpoint = hangingEndpoint();
        CountDownLatch inFlight = hanging.expect(3);
        for (int i = 0; i < 3; i++) {
            fx.trigger(endpoint);
        }
        assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        fx.server.close();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
}
