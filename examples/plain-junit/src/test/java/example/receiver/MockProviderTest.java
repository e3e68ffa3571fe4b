package example.receiver;

// tag::annotation[]
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.FailureRule;
import dev.hookcheck.mock.junit.MockProvider;
import dev.hookcheck.mock.junit.MockWebhookProvider;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@MockWebhookProvider // one provider for this class and its @Nested classes, clean before each test
class MockProviderTest {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static WebhookReceiver app;

    @BeforeAll
    static void start() throws Exception {
        app = new WebhookReceiver(SECRET);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void register(MockProvider provider) {
        provider.register(app.url(), Secret.of(SECRET));
    }

    @Test
    void processesADeliveredEventOnce(MockProvider provider) {
        Event paid = provider.trigger("invoice.paid");
        assertEquals(200, provider.takeDelivery(Duration.ofSeconds(5)).status());
        assertEquals(1, app.timesProcessed(paid.id()));
    }

    @Nested
    class WhenTheProviderMisbehaves {
        @Test
        void processesCopiesOfOneAttemptOnce(MockProvider provider) {
            provider.inject(FailureRule.duplicate(3, true)); // three copies at once
            Event paid = provider.trigger("invoice.paid");
            provider.awaitDeliveries(3, Duration.ofSeconds(5));
            assertEquals(1, app.timesProcessed(paid.id()));
        }

        @Test
        void refusesAForgedDelivery(MockProvider provider) {
            provider.inject(FailureRule.badSignature());
            Event paid = provider.trigger("invoice.paid");
            assertEquals(401, provider.takeDelivery(Duration.ofSeconds(5)).status());
            assertEquals(0, app.timesProcessed(paid.id()));
        }
    }
}
// end::annotation[]
