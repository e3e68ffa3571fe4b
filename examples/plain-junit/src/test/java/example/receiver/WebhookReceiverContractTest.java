package example.receiver;

import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.junit.WebhookReceiverContract;
import dev.hookcheck.core.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class WebhookReceiverContractTest implements WebhookReceiverContract {
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

    @Override
    public Receiver receiver() {
        return Receiver.of(app.url(), "standard", Secret.of(SECRET)).withProbe(app::timesProcessed);
    }
}
