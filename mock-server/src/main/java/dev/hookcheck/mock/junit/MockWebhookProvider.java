package dev.hookcheck.mock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a Hookcheck mock provider for the test class and its {@code @Nested} classes (port 0, on a clock
 * that stands still until the test advances it), resets it before every test, and injects a
 * {@link MockProvider} into test and lifecycle methods that declare one. The programmatic form is
 * {@link MockProviderExtension#builder()}.
 *
 * <pre>{@code
 * @MockWebhookProvider(profile = "standard")
 * class MyReceiverTest {
 *     @Test
 *     void processesAnInvoiceOnce(MockProvider provider) {
 *         provider.register(receiverUrl, Secret.of(appSecret));
 *         provider.trigger("invoice.paid");
 *         assertThat(provider.takeDelivery(Duration.ofSeconds(5)).status()).isEqualTo(200);
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MockProviderExtension.class)
public @interface MockWebhookProvider {
    /** The profile {@link MockProvider#register} and {@link MockProvider#trigger} use. */
    String profile() default "standard";

    /** Seed of every random draw: ids, secrets, example data. */
    long seed() default 1;

    /** Events seeded per profile before each test; 0 (the default) for none. */
    int events() default 0;

    /** An API key that opens the first organization of every profile. */
    String apiKey() default MockProviderExtension.DEFAULT_API_KEY;

    /** Speed of the provider's clock: 0 (the default) stands still until {@link MockProvider#advance}. */
    double timeScale() default 0;
}
