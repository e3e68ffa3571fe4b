package dev.hookcheck.conformance.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The JDK HTTP clients of a check run: HTTP/1.1, redirects never followed. One for a plain {@code http}
 * URL gets a TLS context without trust material, since it never makes a TLS connection: the JDK client
 * otherwise sets up the default context, which reads and parses the JDK's CA certificates, a noticeable
 * part of a short command's cold start. An {@code https} URL keeps the default context.
 */
public final class Clients {
    private Clients() {}

    /** A client builder for requests to {@code target}'s scheme. */
    public static HttpClient.Builder to(URI target) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER);
        if ("http".equalsIgnoreCase(target.getScheme())) {
            builder.sslContext(noTrust());
        }
        return builder;
    }

    private static SSLContext noTrust() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[0], new TrustManager[0], null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS context", e);
        }
    }
}
