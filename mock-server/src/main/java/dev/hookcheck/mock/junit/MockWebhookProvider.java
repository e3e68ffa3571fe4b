package dev.hookcheck.mock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a Hookcheck mock provider for the test class (port 0, on a clock that stands still until
 * the test advances it), resets it before every test, and injects a {@link MockProvider} into test
 * and lifecycle methods that declare one.
 *
 * <pre>{@code
 * @MockWebhookProvider
 * class MyReceiverTest {
 *     @Test
 *     void processesAnInvoiceOnce(MockProvider provider) throws Exception {
 *         MockProvider.Registration hook = provider.register("standard", receiverUrl);
 *         provider.trigger("standard", "invoice.paid");
 *         provider.awaitDeliveries(1, Duration.ofSeconds(5));
 *     }
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MockWebhookProviderExtension.class)
public @interface MockWebhookProvider {
    /** Seed of the seeded data and of every random draw. */
    long seed() default 1;

    /** Events seeded per profile; 0 keeps the store empty apart from organizations, keys and endpoints. */
    int events() default 0;

    /** An API key that opens the first organization of every profile. */
    String apiKey() default "test-key";

    /** Speed of the server's clock: 0 (the default) stands still until {@link MockProvider#advance}. */
    double timeScale() default 0;
}
