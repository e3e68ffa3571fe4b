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

    private Internals() {}

    /** Called once, by {@code MockServer}'s static initializer. */
    public static void grant(Function<MockServer, ServerContext> accessor) {
        if (access == null) {
            access = Objects.requireNonNull(accessor, "accessor");
        }
    }

    public static ServerContext of(MockServer server) {
        Function<MockServer, ServerContext> accessor = access;
        if (accessor == null) {
            throw new IllegalStateException("MockServer has not granted access to its internals yet");
        }
        return accessor.apply(Objects.requireNonNull(server, "server"));
    }
}
