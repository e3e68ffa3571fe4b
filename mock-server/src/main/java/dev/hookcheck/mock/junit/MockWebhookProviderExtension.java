package dev.hookcheck.mock.junit;

import dev.hookcheck.core.time.VirtualClock;
import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** The extension behind {@link MockWebhookProvider}: one server per test class, reset before each test. */
public final class MockWebhookProviderExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MockWebhookProviderExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        MockWebhookProvider settings = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), MockWebhookProvider.class)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        "register this extension with @MockWebhookProvider on the test class, not with @ExtendWith"));
        if (settings.events() < 0) {
            throw new ExtensionConfigurationException("@MockWebhookProvider(events = " + settings.events()
                    + ") must not be negative; use 0 for no seeded events");
        }
        if (settings.timeScale() < 0) {
            throw new ExtensionConfigurationException("@MockWebhookProvider(timeScale = " + settings.timeScale()
                    + ") must be 0 (a clock that only advance() moves) or more");
        }
        if (settings.apiKey().isBlank() || settings.apiKey().chars().anyMatch(Character::isWhitespace)) {
            throw new ExtensionConfigurationException("@MockWebhookProvider(apiKey = \"" + settings.apiKey()
                    + "\") must be non-empty and without spaces");
        }
        VirtualClock clock = settings.timeScale() == 0 ? VirtualClock.stopped(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                : VirtualClock.scaled(settings.timeScale());
        MockServer server = MockServer.create(MockServerConfig.defaults().withSeed(settings.seed())
                .withEventsPerProfile(settings.events()).withApiKey(settings.apiKey()).withClock(clock)).start();
        context.getStore(NAMESPACE).put(MockProvider.class, new MockProvider(server, settings.apiKey(), settings.seed()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        provider(context).server().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        MockProvider provider = context.getStore(NAMESPACE).remove(MockProvider.class, MockProvider.class);
        if (provider != null) {
            provider.server().close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MockProvider.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return provider(context);
    }

    private static MockProvider provider(ExtensionContext context) {
        MockProvider provider = context.getStore(NAMESPACE).get(MockProvider.class, MockProvider.class);
        if (provider == null) {
            throw new ExtensionConfigurationException("the mock provider is not running: @MockWebhookProvider starts it per"
                    + " test class, so a MockProvider can be injected into test methods, @BeforeEach/@AfterEach and"
                    + " static @BeforeAll/@AfterAll methods, not into constructors of a per-method lifecycle");
        }
        return provider;
    }
}
