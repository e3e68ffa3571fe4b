package dev.hookcheck.mock.internal.dashboard;

import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Quote;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The sandbox dashboard: a page for people at {@code /} and its script and style under
 * {@code /dashboard/}, all read from the classpath ({@code hookcheck/dashboard/}) once at start.
 * Plain HTML, CSS and JavaScript with no build step; it loads nothing from elsewhere (its content
 * security policy allows only this server) and talks to nothing but the admin API.
 */
public final class Dashboard {
    static final String RESOURCES = "hookcheck/dashboard/";
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private record Asset(String contentType, byte[] bytes) {}

    private final Asset page = load("index.html", "text/html; charset=utf-8");
    private final Map<String, Asset> assets = Map.of(
            "app.js", load("app.js", "text/javascript; charset=utf-8"),
            "app.css", load("app.css", "text/css; charset=utf-8"));

    public void routes(RoutesConfig routes) {
        routes.get("/", ctx -> send(ctx, page));
        routes.get("/dashboard/{file}", ctx -> {
            Asset asset = assets.get(ctx.pathParam("file"));
            if (asset == null) {
                throw ApiException.notFound("no dashboard file " + Quote.of(ctx.pathParam("file")) + "; the dashboard is at /");
            }
            send(ctx, asset);
        });
    }

    private static void send(Context ctx, Asset asset) {
        ctx.header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache")
                .status(200).contentType(asset.contentType()).result(asset.bytes());
    }

    private static Asset load(String file, String contentType) {
        try (InputStream in = Dashboard.class.getClassLoader().getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCES + file + " is missing from the classpath; rebuild the mock server");
            }
            return new Asset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
