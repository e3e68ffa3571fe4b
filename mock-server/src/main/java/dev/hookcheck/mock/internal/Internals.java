package dev.hookcheck.mock.internal;

import dev.hookcheck.mock.MockServer;
import java.util.Objects;
import java.util.function.Function;

/**
 * The internals of a {@link MockServer} (its store, delivery engine and configuration), for the code
 * of this project that works below the published API: the JUnit extension, the {@code hookcheck}
 * command, and the tests. {@code MockServer} grants the access when its class loads, the way the JDK's
 * {@code SharedSecrets} does, so that its published API shows no internal type. Not a published API.
 */
public final class Internals {
    private static volatile Function<MockServer, ServerContext> access;
    private static volatile Function<MockServer, ServerContext> accountsAccess;

    private Internals() {}

    /**
     * Called once, by {@code MockServer}'s static initializer: {@code seeded} gives the context once
     * everything is seeded, {@code accounts} once the accounts are (the histories may come later).
     */
    public static void grant(Function<MockServer, ServerContext> seeded, Function<MockServer, ServerContext> accounts) {
        if (access == null) {
            accountsAccess = Objects.requireNonNull(accounts, "accounts");
            access = Objects.requireNonNull(seeded, "seeded");
        }
    }

    /** The server's internals, with every profile's data seeded. */
    public static ServerContext of(MockServer server) {
        return apply(access, server);
    }

    /**
     * The server's internals with every profile's accounts seeded (organizations, API keys, credentials,
     * endpoints), not necessarily the histories: for what only lists those, without waiting for the rest.
     */
    public static ServerContext accountsOf(MockServer server) {
        return apply(accountsAccess, server);
    }

    private static ServerContext apply(Function<MockServer, ServerContext> accessor, MockServer server) {
        if (accessor == null) {
            throw new IllegalStateException("MockServer has not granted access to its internals yet");
        }
        return accessor.apply(Objects.requireNonNull(server, "server"));
    }
}
