package example.webhooks;

// tag::mock-provider[]
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.FailureRule;
import dev.hookcheck.mock.junit.MockProvider;
import dev.hookcheck.mock.junit.MockProviderExtension;
import dev.hookcheck.mock.junit.RecordedDelivery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StandardWebhooksMockProviderTest {
    @RegisterExtension
    static MockProviderExtension provider = MockProviderExtension.builder().build();

    @Value("${local.server.port}") int port;
    @Value("${webhooks.standard.secret}") String secret;
    @Autowired ProcessedEvents events;

    @BeforeEach
    void registerTheApplication(MockProvider provider) {
        provider.register("http://localhost:" + port + "/webhooks/standard", Secret.of(secret));
    }

    @Test
    void processesADeliveredEvent(MockProvider provider) {
        Event paid = provider.trigger("invoice.paid");

        RecordedDelivery sent = provider.takeDelivery(Duration.ofSeconds(5));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(events.timesProcessed(paid.id())).isEqualTo(1);
    }

    @Test
    void processesADuplicatedDeliveryOnce(MockProvider provider) {
        provider.inject(FailureRule.duplicate(2, false)); // every attempt sent twice, one after the other
        Event paid = provider.trigger("invoice.paid");

        provider.awaitDeliveries(2, Duration.ofSeconds(5));

        assertThat(events.timesProcessed(paid.id())).isEqualTo(1);
    }

    @Test
    void processesARetryAfterALostAnswerOnce(MockProvider provider) {
        provider.inject(FailureRule.lostAck().forAttempts(1)); // the app's 200 never reaches the provider
        Event paid = provider.trigger("invoice.paid");
        provider.takeDelivery(Duration.ofSeconds(5));

        provider.advance(Duration.ofSeconds(5)); // the first retry of Standard Webhooks falls due

        List<RecordedDelivery> sent = provider.awaitDeliveries(2, Duration.ofSeconds(5));
        assertThat(sent).extracting(RecordedDelivery::attempt).containsExactly(1, 2);
        assertThat(events.timesProcessed(paid.id())).isEqualTo(1);
    }
}
// end::mock-provider[]
