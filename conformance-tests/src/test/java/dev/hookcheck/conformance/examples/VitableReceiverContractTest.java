package dev.hookcheck.conformance.examples;

import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.junit.WebhookReceiverContract;
import dev.hookcheck.conformance.reference.ReferenceReceiver;
import dev.hookcheck.conformance.reference.Secrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The README's example, compiled and run: a consumer's receiver (here the reference Vitable
 * receiver) checked by the whole catalog, every check a test of its own.
 */
class VitableReceiverContractTest implements WebhookReceiverContract {
    static ReferenceReceiver app;

    @BeforeAll
    static void startTheReceiver() {
        app = ReferenceReceiver.correct("vitable").start();
    }

    @AfterAll
    static void stopTheReceiver() {
        app.close();
    }

    @Override
    public Receiver receiver() {
        return Receiver.of(app.url().toString(), "vitable", Secrets.of("vitable"))
                .withProbe(app::timesProcessed);
    }
}
