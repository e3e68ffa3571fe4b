package dev.hookcheck.mock.junit;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.FailureRule;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The mock provider of a test class, as a test uses it: register the application's receiver, trigger
 * events, break deliveries on purpose, move the provider's clock, and take what the provider sent.
 * Each test starts from a clean provider (its first organization per profile and the API key, no
 * endpoints, no events, no failure rules, the same ids whatever ran before).
 *
 * <pre>{@code
 * provider.register("http://localhost:" + port + "/webhooks", Secret.of(appSecret));
 * provider.trigger("invoice.paid");
 * RecordedDelivery sent = provider.takeDelivery(Duration.ofSeconds(5));
 * }</pre>
 */
public interface MockProvider {

    /** The profile this handle registers and triggers in ({@code standard} unless chosen). */
    String profile();

    /** The same provider, registering and triggering in another profile ({@code vitable}, {@code dfns}…). */
    MockProvider profile(String name);

    /** {@code http://127.0.0.1:<port>}: point the application's provider API client here. */
    String baseUrl();

    URI url(String path);

    /** An API key that opens the first organization of every profile. */
    String apiKey();

    /**
     * The provider's clock, which signs every delivery: it stands at the test's start until {@link #advance}
     * moves it. A receiver that refuses old or future timestamps (five minutes for Standard Webhooks) refuses
     * a retry after a longer {@code advance} unless its verifier reads this clock in the test.
     */
    java.time.Clock clock();

    /**
     * A receiver of every event of the profile, in its first organization, whose deliveries are signed
     * with the application's own secret (in the profile's format: {@code whsec_…} for Standard Webhooks).
     */
    Registration register(String url, Secret secret);

    /** The same with a secret the provider makes, which the application must then be given. */
    Registration register(String url);

    /** A receiver the provider knows: its id and the secret its deliveries are signed with. */
    record Registration(String endpointId, Secret secret) {}

    /** A new event of this type about a new resource, with realistic data, delivered to every matching receiver. */
    Event trigger(String type);

    /** The same with the event's {@code data} given as JSON. */
    Event trigger(String type, String dataJson);

    /** Switches a failure rule on for the rest of the test, for example {@code FailureRule.lostAck()}. */
    void inject(FailureRule rule);

    /**
     * Moves the provider's clock ahead (it stands still otherwise) and waits until every attempt that fell
     * due on the way has been made: retries run on the provider's schedule without real waiting.
     */
    void advance(Duration amount);

    /**
     * The next request the provider sends (any receiver), blocking up to {@code timeout}: each request once,
     * in the order sent, starting with the test's first.
     *
     * @throws DeliveryAssertionError when none comes in time, listing what was sent
     */
    RecordedDelivery takeDelivery(Duration timeout);

    /**
     * Blocks until the provider has sent {@code count} requests in all since the test began (attempts,
     * retries and injected copies included, whatever the receiver answered), and returns them in the order
     * sent.
     *
     * @throws DeliveryAssertionError when fewer come in time, listing what was sent
     */
    List<RecordedDelivery> awaitDeliveries(int count, Duration timeout);

    /** Every request the provider has sent since the test began, in the order sent. */
    List<RecordedDelivery> deliveries();
}
