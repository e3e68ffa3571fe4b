package example.webhooks;

// tag::contract[]
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.junit.WebhookReceiverContract;
import dev.hookcheck.core.Secret;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StandardWebhooksContractTest implements WebhookReceiverContract {
    @Value("${local.server.port}") int port;
    @Value("${webhooks.standard.secret}") String secret;
    @Autowired ProcessedEvents events;

    @Override
    public Receiver receiver() {
        return Receiver.of("http://localhost:" + port + "/webhooks/standard", "standard", Secret.of(secret))
                .withProbe(events::timesProcessed);
    }
}
// end::contract[]
