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
 * verifies with, and how checks may observe it. Immutable: every {@code with…} returns a copy.
 *
 * <pre>{@code
 * Receiver receiver = Receiver.of("http://localhost:8080/webhooks", "vitable", Secret.of(secret))
 *         .withProbe(eventId -> store.timesProcessed(eventId));
 * }</pre>
 */
public final class Receiver {
    private final URI url;
    private final Profile profile;
    private final List<Secret> secrets;
    private final Optional<Probe> probe;
    private final Tolerance tolerance;
    private final Duration timeout;
    private final Duration latencyBound;
    private final List<String> eventTypes;

    private Receiver(URI url, Profile profile, List<Secret> secrets, Optional<Probe> probe, Tolerance tolerance,
            Duration timeout, Duration latencyBound, List<String> eventTypes) {
        this.url = url;
        this.profile = profile;
        this.secrets = secrets;
        this.probe = probe;
        this.tolerance = tolerance;
        this.timeout = requirePositive(timeout, "timeout");
        this.latencyBound = requirePositive(latencyBound, "latencyBound");
        this.eventTypes = List.copyOf(Objects.requireNonNull(eventTypes, "eventTypes"));
        if (this.eventTypes.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("an event type must not be blank, got " + eventTypes);
        }
    }

    /**
     * A receiver of a built-in profile.
     *
     * @param url for example {@code http://localhost:8080/webhooks}
     * @param profile one of {@code standard}, {@code vitable}, {@code dfns}, {@code preo}, {@code stripe},
     *     {@code github}
     * @param secrets the secrets it verifies with, newest first
     */
    public static Receiver of(String url, String profile, Secret... secrets) {
        Objects.requireNonNull(url, "url: pass the URL your receiver listens on, e.g. http://localhost:8080/webhooks");
        Objects.requireNonNull(profile, "profile: pass one of " + String.join(", ", Profiles.names()));
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("url must be an absolute http or https URL such as"
                    + " http://localhost:8080/webhooks, got '" + url + "'");
        }
        return of(uri, Profiles.get(profile), secrets);
    }

    /**
     * A receiver of any profile, for example one with a declarative scheme:
     * {@code Profiles.get("preo").withScheme(SignatureSchemes.fromJson(json))}.
     */
    public static Receiver of(URI url, Profile profile, Secret... secrets) {
        Objects.requireNonNull(url, "url: pass the URL your receiver listens on, e.g. http://localhost:8080/webhooks");
        if (!url.isAbsolute() || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                || url.getHost() == null) {
            throw new IllegalArgumentException("url must be an absolute http or https URL such as "
                    + "http://localhost:8080/webhooks, got '" + url + "'");
        }
        Objects.requireNonNull(profile, "profile: pass one of " + String.join(", ", Profiles.names())
                + ", or a Profile with a declarative scheme");
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.length == 0 || Arrays.stream(secrets).anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("the receiver needs the secret it verifies with: "
                    + "Receiver.of(url, profile, Secret.of(System.getenv(\"WEBHOOK_SECRET\")))");
        }
        return new Receiver(url, profile, List.of(secrets), Optional.empty(), profile.tolerance(), profile.timeout(),
                profile.timeout(), List.of());
    }

    /** Where deliveries are POSTed. */
    public URI url() {
        return url;
    }

    /** The provider whose deliveries the receiver takes. */
    public Profile profile() {
        return profile;
    }

    /** The secrets the receiver verifies with, newest first. */
    public List<Secret> secrets() {
        return secrets;
    }

    /** How checks count side effects; without one, the checks that need it are not verified. */
    public Optional<Probe> probe() {
        return probe;
    }

    /** The timestamp tolerance the receiver enforces (default: the provider's). */
    public Tolerance tolerance() {
        return tolerance;
    }

    /** One deadline per request, headers and body together (default: the provider's delivery timeout). */
    public Duration timeout() {
        return timeout;
    }

    /** How fast the receiver must answer a delivery (default: the provider's timeout). */
    public Duration latencyBound() {
        return latencyBound;
    }

    /**
     * The event types the receiver processes, which the checks that observe side effects send; empty for
     * the profile's first business event (GitHub: {@code push}, Stripe: {@code payment_intent.succeeded}…).
     */
    public List<String> eventTypes() {
        return eventTypes;
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

    /** A shorter bound than the provider's timeout keeps a run against a slow receiver short. */
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

    private static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "Receiver[" + url + ", " + profile.name() + ", " + secrets.size() + " secret(s)"
                + probe.map(p -> ", with a probe").orElse("") + "]";
    }
}
