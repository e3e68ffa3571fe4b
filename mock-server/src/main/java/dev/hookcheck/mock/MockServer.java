package dev.hookcheck.mock;

import dev.hookcheck.mock.internal.Internals;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.admin.AdminApi;
import dev.hookcheck.mock.internal.api.dfns.DfnsApi;
import dev.hookcheck.mock.internal.api.preo.PreoApi;
import dev.hookcheck.mock.internal.api.vitable.VitableApi;
import dev.hookcheck.mock.internal.dashboard.Dashboard;
import dev.hookcheck.mock.internal.delivery.DeliveryEngine;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Dialect;
import dev.hookcheck.mock.internal.http.Limits;
import dev.hookcheck.mock.internal.http.PreRouteErrors;
import dev.hookcheck.mock.internal.http.Quote;
import dev.hookcheck.mock.internal.http.RequestGuard;
import dev.hookcheck.mock.internal.http.RequestLines;
import dev.hookcheck.mock.internal.seed.Seeding;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Set;
import org.eclipse.jetty.server.ServerConnector;
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
 * needs it first; whatever needs it meanwhile waits. A provider API's request needs its own profile's
 * history only (a Vitable request does not wait for Stripe's events); the admin API needs every
 * profile's. {@code GET /__admin/health}, the OpenAPI document and the dashboard's files answer without
 * any, so a test class that never touches the seeded data never pays for it, and {@code hookcheck serve}
 * is healthy before it seeds.
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

    static {
        Internals.grant(server -> {
            server.seeding.all(); // the extension resets and seeds itself: the lazy seeding must be behind it
            return server.context;
        }, server -> {
            server.seeding.accounts();
            return server.context;
        });
    }

    private final ServerContext context;
    private final List<Dialect> dialects;
    private final Javalin app;
    private volatile Seeding seeding;
    private volatile boolean started;
    private volatile boolean closed;

    private MockServer(MockServerConfig config) {
        this.context = new ServerContext(config, new Store(config.clock()));
        this.seeding = newSeeding();
        List<Dialect> providers = List.of(new VitableApi(context), new DfnsApi(context), new PreoApi(context));
        Map<String, Function<DeliveryStatus, String>> statusWords = new HashMap<>();
        providers.forEach(d -> statusWords.putAll(d.statusWords()));
        List<Dialect> all = new ArrayList<>();
        all.add(new AdminApi(context, this::reset, statusWords));
        all.addAll(providers);
        this.dialects = List.copyOf(all);
        PreRouteErrors preRouteErrors = new PreRouteErrors(this::dialectOf);
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.http.prefer405over404 = true;
            javalin.http.maxRequestSize = Limits.MAX_BODY_BYTES;
            // what Jetty refuses before a route runs is answered by the dialect too (PreRouteErrors)
            javalin.jetty.modifyServer(server -> server.setErrorHandler(preRouteErrors));
            javalin.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(preRouteErrors));
            javalin.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(Limits.MAX_REQUEST_HEAD_BYTES));
            javalin.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new RequestLines(http));
                connector.setHost(config.host());
                connector.setPort(config.port());
                return connector;
            });
            javalin.routes.before(new RequestGuard(isLoopback(config.host()), dialects.get(0)::owns,
                    Set.of("/__admin/health", "/__admin/openapi.json"), config.adminToken()));
            javalin.routes.before(ctx -> {
                if (!NEEDS_NO_DATA.contains(ctx.path()) && !ctx.path().startsWith("/dashboard/")) {
                    dialectOf(ctx).profile().ifPresentOrElse(seeding::history, seeding::all);
                }
            });
            dialects.forEach(d -> d.routes(javalin.routes));
            new Dashboard().routes(javalin.routes);
            javalin.routes.exception(ApiException.class, (e, ctx) -> render(ctx, e));
            // Javalin's own refusals (no route, wrong method, a body over the limit), never with its text
            javalin.routes.exception(HttpResponseException.class, (e, ctx) -> render(ctx, switch (e.getStatus()) {
                case 404 -> noRoute(ctx);
                case 405 -> ApiException.methodNotAllowed(ctx.req().getMethod());
                default -> PreRouteErrors.errorFor(e.getStatus(), null);
            }));
            javalin.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure on {} {}", ctx.req().getMethod(), Quote.prefix(ctx.path()), e);
                render(ctx, ApiException.internal("the mock server failed unexpectedly; this is a Hookcheck bug"));
            });
            javalin.routes.error(404, ctx -> renderUnlessAnswered(ctx, noRoute(ctx)));
            javalin.routes.error(405, ctx -> renderUnlessAnswered(ctx, ApiException.methodNotAllowed(ctx.req().getMethod())));
        });
    }

    /** A server with this configuration, not yet started (nor seeded). */
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

    private Seeding newSeeding() {
        return new Seeding(context.store(), context.config(), context::now);
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

    /** Whether the server listens on a loopback address only (the default, 127.0.0.1). */
    public boolean listensOnLoopbackOnly() {
        return isLoopback(context.config().host());
    }

    public URI url(String path) {
        return URI.create(baseUrl() + (path.startsWith("/") ? path : "/" + path));
    }

    /**
     * Forgets everything and seeds again, as on start: deliveries in progress and scheduled retries, every
     * record, the failure rules added since (the configured ones stay), and the random the ids come from.
     */
    public void reset() {
        seeding.stop(); // a seeding still under way would otherwise add its data after the clear
        context.reset(0, () -> seeding = newSeeding());
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
        return dialectOf(ctx.path());
    }

    /** The dialect owning {@code path} (raw, as sent); errors of paths no dialect owns take the admin shape. */
    private Dialect dialectOf(String path) {
        for (Dialect d : dialects) {
            if (d.owns(path)) {
                return d;
            }
        }
        return dialects.get(0); // the admin shape for paths no dialect owns
    }

    private void render(Context ctx, ApiException error) {
        ctx.attribute(RENDERED, Boolean.TRUE);
        dialectOf(ctx).errorResponse(error).writeTo(ctx);
    }

    private static ApiException noRoute(Context ctx) {
        return ApiException.notFound("no route " + Quote.prefix(ctx.req().getMethod()) + " " + Quote.prefix(ctx.path()));
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Javalin's own 404/405 (no route, wrong method) in the dialect's shape; errors we raised are already rendered. */
    private void renderUnlessAnswered(Context ctx, ApiException error) {
        if (ctx.attribute(RENDERED) == null) {
            render(ctx, error);
        }
    }
}
