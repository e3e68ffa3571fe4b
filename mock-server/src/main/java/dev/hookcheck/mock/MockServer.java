package dev.hookcheck.mock;

import dev.hookcheck.mock.admin.AdminApi;
import dev.hookcheck.mock.api.dfns.DfnsApi;
import dev.hookcheck.mock.api.preo.PreoApi;
import dev.hookcheck.mock.api.vitable.VitableApi;
import dev.hookcheck.mock.dashboard.Dashboard;
import dev.hookcheck.mock.delivery.DeliveryEngine;
import dev.hookcheck.mock.http.ApiException;
import dev.hookcheck.mock.http.Dialect;
import dev.hookcheck.mock.seed.Seeder;
import dev.hookcheck.mock.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mock webhook provider: speaks the Vitable, Dfns and Preo APIs and the admin API on one port,
 * holding seeded, deterministic data, and serves the sandbox dashboard at {@code /}.
 *
 * <pre>{@code
 * try (MockServer server = MockServer.create(MockServerConfig.defaults()).start()) {
 *     URI events = server.url("/v1/webhook-events");
 * }
 * }</pre>
 *
 * {@link #create} wires everything and returns the server unstarted; {@link #start} binds (port 0
 * by default), {@link #port} reads the bound port back, {@link #close} stops it and may be called
 * more than once.
 *
 * <p>Seeding is lazy: {@link #start} binds at once, and the data is seeded on first need, by whatever
 * needs it first (an API request, {@link #store}, {@link #deliveries}); whatever needs it meanwhile
 * waits. {@code GET /__admin/health}, the OpenAPI document and the dashboard's files answer without
 * it, so a test class that never touches the seeded data never pays for it, and {@code hookcheck serve}
 * is healthy while it seeds.
 */
public final class MockServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MockServer.class);

    private static final String RENDERED = "hookcheck.error-rendered";
    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    static {
        // Jetty sizes its queues by how many references fit a cache line, and without this property asks
        // the platform MBean server whether oops are compressed: starting JMX costs ~100 ms of a cold start.
        // 16 is the answer with compressed oops (heaps under 32 GB); a wrong answer only changes padding.
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
    }

    private final ServerContext context;
    private final List<Dialect> dialects;
    private final Javalin app;
    private final AtomicBoolean seedingStarted = new AtomicBoolean();
    private final CompletableFuture<Void> seeded = new CompletableFuture<>();
    private volatile boolean started;
    private volatile boolean closed;

    private MockServer(MockServerConfig config) {
        this.context = new ServerContext(config, new Store(config.clock()));
        this.dialects = List.of(new AdminApi(context, this::reset), new VitableApi(context), new DfnsApi(context),
                new PreoApi(context));
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.http.prefer405over404 = true;
            javalin.jetty.host = config.host();
            javalin.jetty.port = config.port();
            javalin.routes.before(ctx -> {
                if (!NEEDS_NO_DATA.contains(ctx.path()) && !ctx.path().startsWith("/dashboard/")) {
                    seeded();
                }
            });
            dialects.forEach(d -> d.routes(javalin.routes));
            new Dashboard().routes(javalin.routes);
            javalin.routes.exception(ApiException.class, (e, ctx) -> render(ctx, e));
            javalin.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                render(ctx, new ApiException(500, "internal_error", null,
                        "the mock server failed unexpectedly (" + e.getClass().getSimpleName() + "); this is a Hookcheck bug"));
            });
            javalin.routes.error(404, ctx -> renderUnlessAnswered(ctx,
                    ApiException.notFound("no route " + ctx.method() + " " + ctx.path())));
            javalin.routes.error(405, ctx -> renderUnlessAnswered(ctx, ApiException.methodNotAllowed(ctx.method().name())));
        });
    }

    /** A server with this configuration, seeded and not yet started. */
    public static MockServer create(MockServerConfig config) {
        return new MockServer(config);
    }

    public synchronized MockServer start() {
        if (closed) {
            throw new IllegalStateException("this server is closed; create a new one");
        }
        if (!started) {
            app.start();
            started = true;
        }
        return this;
    }

    /** The paths that answer before the seeded data is there (besides the dashboard's files). */
    private static final Set<String> NEEDS_NO_DATA = Set.of("/__admin/health", "/__admin/openapi.json", "/");

    /** Seeds the store once: on this thread, unless another one already does; then waits until it is done. */
    private void seeded() {
        if (seedingStarted.compareAndSet(false, true)) {
            try {
                Seeder.seed(context);
                seeded.complete(null);
            } catch (RuntimeException | Error e) {
                seeded.completeExceptionally(e);
                throw e;
            }
        } else {
            seeded.join();
        }
    }

    /** The bound port. */
    public int port() {
        if (!started) {
            throw new IllegalStateException("call start() first");
        }
        return app.port();
    }

    /** {@code http://<host>:<port>}, without a trailing slash. */
    public String baseUrl() {
        String host = context.config().host();
        return "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + port();
    }

    public URI url(String path) {
        return URI.create(baseUrl() + (path.startsWith("/") ? path : "/" + path));
    }

    /** The server's state, seeded. Not a published API: it changes with the server. */
    public Store store() {
        seeded();
        return context.store();
    }

    ServerContext context() {
        return context;
    }

    /** The delivery engine: clock, awaiting deliveries, failure injection. Not a published API yet. */
    public DeliveryEngine deliveries() {
        seeded();
        return context.deliveries();
    }

    /** Forgets everything and seeds again, as on start; the failure rules return to the configured ones. */
    public void reset() {
        seeded(); // a seeding still under way would otherwise add its data after the clear
        context.deliveries().failureRules().reset();
        context.store().clear();
        Seeder.seed(context);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (started) {
                app.stop();
            }
            context.deliveries().close();
        }
    }

    private Dialect dialectOf(Context ctx) {
        String path = ctx.path();
        for (Dialect d : dialects) {
            if (d.owns(path)) {
                return d;
            }
        }
        return dialects.get(0); // the admin shape for paths no dialect owns
    }

    private void render(Context ctx, ApiException error) {
        ctx.attribute(RENDERED, Boolean.TRUE);
        dialectOf(ctx).renderError(ctx, error);
    }

    /** Javalin's own 404/405 (no route, wrong method) in the dialect's shape; errors we raised are already rendered. */
    private void renderUnlessAnswered(Context ctx, ApiException error) {
        if (ctx.attribute(RENDERED) == null) {
            render(ctx, error);
        }
    }
}
