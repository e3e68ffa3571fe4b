package dev.hookcheck.mock.junit;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.time.VirtualClock;
import dev.hookcheck.mock.FailureRule;
import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.Internals;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.seed.Seeder;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit extension behind {@link MockWebhookProvider}, and its programmatic form: one mock provider per
 * test class (its {@code @Nested} classes share it), reset before each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static MockProviderExtension provider = MockProviderExtension.builder().profile("vitable").build();
 *
 * @Test
 * void processesAnEnrollmentOnce() {
 *     provider.register(receiverUrl, Secret.of(appSecret));
 *     provider.trigger("enrollment.accepted");
 *     assertThat(provider.takeDelivery(Duration.ofSeconds(5)).status()).isEqualTo(200);
 * }
 * }</pre>
 *
 * As a field it is itself the {@link MockProvider}; use it from a test or a {@code @BeforeEach}, once
 * the class has started it. Register it {@code static}: an instance field gets a provider per test.
 */
public final class MockProviderExtension implements MockProvider, BeforeAllCallback, BeforeEachCallback,
        AfterEachCallback, AfterAllCallback, ParameterResolver {
    static final String DEFAULT_API_KEY = "test-key";
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MockProviderExtension.class);

    /** The settings a builder chose; null for the annotation's extension, which reads them from the class. */
    private final Settings configured;
    private Running running;
    /** Whether this extension started its provider for one test (an instance field), not for the class. */
    private boolean perTest;

    /** What a test class asked for. */
    private record Settings(String profile, long seed, int events, String apiKey, double timeScale) {
        Settings {
            if (Profiles.find(profile).isEmpty()) {
                throw new ExtensionConfigurationException("profile = \"" + profile + "\" is unknown; known profiles: "
                        + String.join(", ", Profiles.names()));
            }
            if (events < 0) {
                throw new ExtensionConfigurationException("events = " + events + " must not be negative; use 0 for no"
                        + " seeded events");
            }
            if (!(timeScale >= 0)) {
                throw new ExtensionConfigurationException("timeScale = " + timeScale + " must be 0 (a clock that only"
                        + " advance() moves) or more");
            }
            if (apiKey.isBlank() || apiKey.chars().anyMatch(Character::isWhitespace)) {
                throw new ExtensionConfigurationException("apiKey = \"" + apiKey + "\" must be non-empty and without"
                        + " spaces");
            }
        }

        static Settings of(MockWebhookProvider annotation) {
            return new Settings(annotation.profile(), annotation.seed(), annotation.events(), annotation.apiKey(),
                    annotation.timeScale());
        }
    }

    /** A started provider: the server, the handle, and how many of its requests a test has taken. */
    private record Running(MockServer server, VirtualClock clock, Provider handle) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }

    /** For {@code @ExtendWith} through {@link MockWebhookProvider}: the settings come from the annotation. */
    public MockProviderExtension() {
        this(null);
    }

    private MockProviderExtension(Settings configured) {
        this.configured = configured;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The settings of a {@code @RegisterExtension} provider; the defaults are the annotation's. */
    public static final class Builder {
        private String profile = "standard";
        private long seed = 1;
        private int events;
        private String apiKey = DEFAULT_API_KEY;
        private double timeScale;

        private Builder() {}

        /** The profile {@link MockProvider#register} and {@link MockProvider#trigger} use. */
        public Builder profile(String value) {
            this.profile = value;
            return this;
        }

        /** Seed of every random draw: ids, secrets, example data. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Events seeded per profile before each test; 0 (the default) for none. */
        public Builder events(int value) {
            this.events = value;
            return this;
        }

        /** An API key that opens the first organization of every profile. */
        public Builder apiKey(String value) {
            this.apiKey = value;
            return this;
        }

        /** Speed of the provider's clock: 0 (the default) stands still until {@link MockProvider#advance}. */
        public Builder timeScale(double value) {
            this.timeScale = value;
            return this;
        }

        public MockProviderExtension build() {
            return new MockProviderExtension(new Settings(profile, seed, events, apiKey, timeScale));
        }
    }

    // ---- lifecycle

    @Override
    public void beforeAll(ExtensionContext context) {
        if (running == null && provider(context).isEmpty()) {
            start(context, false);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (provider(context).isEmpty()) {
            start(context, true); // registered on an instance field: no beforeAll came
        }
        Running current = provider(context).orElseThrow();
        // ids of the test's own, the same whatever ran before: distinct from other tests' in a shared application
        ServerContext internals = Internals.of(current.server());
        internals.reset(context.getUniqueId().hashCode(),
                () -> Seeder.seed(internals.store(), internals.config(), internals.now()));
        if (current.clock().scale() == 0) {
            current.clock().restartAt(start()); // timestamps near the receiver's own clock, whatever the last test did
        }
        current.handle().forgetTaken();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest && running != null) {
            running.close();
            running = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (!perTest && running != null && context.getStore(NAMESPACE).get(Running.class, Running.class) == running
                && ownedHere(context)) {
            context.getStore(NAMESPACE).remove(Running.class);
            running.close();
            running = null;
        }
    }

    /** Whether this class context (not a nested one) started the provider. */
    private boolean ownedHere(ExtensionContext context) {
        return context.getParent().map(parent -> parent.getStore(NAMESPACE).get(Running.class, Running.class) != running)
                .orElse(true);
    }

    private void start(ExtensionContext context, boolean forOneTest) {
        Settings settings = configured != null ? configured : Settings.of(annotation(context));
        VirtualClock clock = settings.timeScale() == 0
                ? VirtualClock.stopped(start())
                : VirtualClock.scaled(settings.timeScale());
        MockServer server = MockServer.create(MockServerConfig.defaults().withSeed(settings.seed())
                .withEventsPerProfile(settings.events()).withApiKey(settings.apiKey()).withClock(clock)
                .withSeedEndpoints(false)).start();
        Running started = new Running(server, clock, new Provider(server, settings.profile(), settings.apiKey(),
                new AtomicInteger()));
        running = started;
        perTest = forOneTest;
        if (!forOneTest) {
            context.getStore(NAMESPACE).put(Running.class, started);
        }
    }

    private static Instant start() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The annotation on the test class or, for a {@code @Nested} class, on an enclosing one. */
    private static MockWebhookProvider annotation(ExtensionContext context) {
        for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
            MockWebhookProvider found = type.getAnnotation(MockWebhookProvider.class);
            if (found != null) {
                return found;
            }
        }
        throw new ExtensionConfigurationException("the mock provider's extension needs its settings: put"
                + " @MockWebhookProvider on the test class (or an enclosing one) instead of @ExtendWith, or register"
                + " it as @RegisterExtension static MockProviderExtension provider = MockProviderExtension.builder()"
                + ".build()");
    }

    private Optional<Running> provider(ExtensionContext context) {
        if (running != null) {
            return Optional.of(running);
        }
        return Optional.ofNullable(context.getStore(NAMESPACE).get(Running.class, Running.class));
    }

    // ---- injection

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MockProvider.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return provider(context).map(Running::handle).orElseThrow(() -> new ExtensionConfigurationException(
                "the mock provider is not running here: it starts for the test class, so a MockProvider can be"
                        + " injected into test methods, @BeforeEach/@AfterEach and static @BeforeAll/@AfterAll methods,"
                        + " not into constructors of a per-method lifecycle"));
    }

    // ---- the handle, for the @RegisterExtension form

    private MockProvider handle() {
        if (running == null) {
            throw new IllegalStateException("the mock provider is not running yet: it starts before the class's first"
                    + " test; use it from a test or a @BeforeEach, not from a field initializer or a static block");
        }
        return running.handle();
    }

    @Override
    public String profile() {
        return handle().profile();
    }

    @Override
    public MockProvider profile(String name) {
        return handle().profile(name);
    }

    @Override
    public String baseUrl() {
        return handle().baseUrl();
    }

    @Override
    public URI url(String path) {
        return handle().url(path);
    }

    @Override
    public java.time.Clock clock() {
        return handle().clock();
    }

    @Override
    public String apiKey() {
        return handle().apiKey();
    }

    @Override
    public Registration register(String url, Secret secret) {
        return handle().register(url, secret);
    }

    @Override
    public Registration register(String url) {
        return handle().register(url);
    }

    @Override
    public Event trigger(String type) {
        return handle().trigger(type);
    }

    @Override
    public Event trigger(String type, String dataJson) {
        return handle().trigger(type, dataJson);
    }

    @Override
    public void inject(FailureRule rule) {
        handle().inject(rule);
    }

    @Override
    public void advance(Duration amount) {
        handle().advance(amount);
    }

    @Override
    public RecordedDelivery takeDelivery(Duration timeout) {
        return handle().takeDelivery(timeout);
    }

    @Override
    public List<RecordedDelivery> awaitDeliveries(int count, Duration timeout) {
        return handle().awaitDeliveries(count, timeout);
    }

    @Override
    public List<RecordedDelivery> deliveries() {
        return handle().deliveries();
    }
}
