package dev.hookcheck.conformance;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.Tolerance;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The webhook receiver under test: where it listens, which provider it serves, the secrets it
 * verifies with, and how checks may observe it.
 *
 * <pre>{@code
 * Receiver receiver = Receiver.of("http://localhost:8080/webhooks", "vitable", Secret.of(secret))
 *         .withProbe(eventId -> store.timesProcessed(eventId));
 * }</pre>
 *
 * @param url where deliveries are POSTed
 * @param profile the provider; for a provider that signs differently use
 *     {@code Profiles.get("preo").withScheme(SignatureSchemes.fromJson(json))}
 * @param secrets the secrets the receiver verifies with, newest first
 * @param probe how checks count side effects; without one, the checks that need it are skipped
 * @param tolerance the timestamp tolerance the receiver enforces (default: the provider's)
 * @param timeout how long a check waits for any answer
 * @param latencyBound how fast the receiver must answer a delivery (default: the provider's timeout;
 *     a shorter bound keeps a run against a slow receiver short)
 * @param eventTypes the event types the receiver processes, which the checks that observe side effects
 *     send; empty for the profile's first business event (GitHub: {@code push}, Vitable:
 *     {@code employer.eligibility_policy_created}…)
 */
public record Receiver(
        URI url,
        Profile profile,
        List<Secret> secrets,
        Optional<Probe> probe,
        Tolerance tolerance,
        Duration timeout,
        Duration latencyBound,
        List<String> eventTypes) {

    public Receiver {
        Objects.requireNonNull(url, "url: pass the URL your receiver listens on, e.g. http://localhost:8080/webhooks");
        if (!url.isAbsolute() || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                || url.getHost() == null) {
            throw new IllegalArgumentException("url must be an absolute http or https URL such as "
                    + "http://localhost:8080/webhooks, got '" + url + "'");
        }
        Objects.requireNonNull(profile, "profile: pass one of " + String.join(", ", Profiles.names())
                + ", or a Profile with a declarative scheme");
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.isEmpty() || secrets.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("the receiver needs the secret it verifies with: "
                    + "Receiver.of(url, profile, Secret.of(System.getenv(\"WEBHOOK_SECRET\")))");
        }
        secrets = List.copyOf(secrets);
        Objects.requireNonNull(probe, "probe: use Optional.empty() for none");
        Objects.requireNonNull(tolerance, "tolerance");
        requirePositive(timeout, "timeout");
        requirePositive(latencyBound, "latencyBound");
        eventTypes = List.copyOf(Objects.requireNonNull(eventTypes, "eventTypes"));
        if (eventTypes.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("an event type must not be blank, got " + eventTypes);
        }
    }

    /**
     * A receiver of a built-in profile.
     *
     * @param url for example {@code http://localhost:8080/webhooks}
     * @param profile one of {@code standard}, {@code vitable}, {@code dfns}, {@code preo}, {@code stripe},
     *     {@code github}
     */
    public static Receiver of(String url, String profile, Secret... secrets) {
        Objects.requireNonNull(url, "url: pass the URL your receiver listens on, e.g. http://localhost:8080/webhooks");
        Objects.requireNonNull(profile, "profile: pass one of " + String.join(", ", Profiles.names()));
        return of(URI.create(url), Profiles.get(profile), secrets);
    }

    public static Receiver of(URI url, Profile profile, Secret... secrets) {
        Objects.requireNonNull(profile, "profile: pass one of " + String.join(", ", Profiles.names())
                + ", or a Profile with a declarative scheme");
        return new Receiver(url, profile, Arrays.asList(Objects.requireNonNull(secrets, "secrets")), Optional.empty(),
                profile.tolerance(), profile.timeout(), profile.timeout(), List.of());
    }

    public Receiver withProbe(Probe newProbe) {
        return new Receiver(url, profile, secrets, Optional.of(Objects.requireNonNull(newProbe, "probe")), tolerance,
                timeout, latencyBound, eventTypes);
    }

    /** The receiver enforces another tolerance window than the provider documents (same direction). */
    public Receiver withTolerance(Duration window) {
        return new Receiver(url, profile, secrets, probe, tolerance.withWindow(window), timeout, latencyBound,
                eventTypes);
    }

    public Receiver withTimeout(Duration newTimeout) {
        return new Receiver(url, profile, secrets, probe, tolerance, newTimeout, latencyBound, eventTypes);
    }

    public Receiver withLatencyBound(Duration bound) {
        return new Receiver(url, profile, secrets, probe, tolerance, timeout, bound, eventTypes);
    }

    /**
     * The event types the receiver processes, for a receiver that acts on some events and only
     * acknowledges the rest: the checks that observe side effects send these.
     */
    public Receiver withEventTypes(String... types) {
        return new Receiver(url, profile, secrets, probe, tolerance, timeout, latencyBound, Arrays.asList(types));
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
