package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.mock.FailureRule;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.SignedWebhook;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.BodyField;
import dev.hookcheck.core.signing.SignatureScheme;
import dev.hookcheck.mock.internal.seed.Secrets;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failure rules in force, and the {@link FailureInjection} they make. Each draw is a pure
 * function of the rule's seed and what it is drawn for (delivery id and attempt number, delivery id,
 * event id), so it does not depend on the order in which attempts happen to run: the same seeds on
 * the same data break the same attempts. Thread-safe.
 */
public final class FailureRules implements FailureInjection {
    /** What {@code tampered_body} adds in front of a JSON object's first member. */
    static final String TAMPERED_FIELD = "\"hookcheck_tampered\":true";
    /** Where the event's members begin: after the body's {@code {}, or after {@code [{} for an array of events. */
    private static final Pattern EVENT_START = Pattern.compile("(?:\\[\\s*)?\\{");
    private static final Pattern NO_MEMBERS = Pattern.compile("\\s*}");

    private final List<FailureRule> configured;
    private final Map<String, FailureRule> rules = new LinkedHashMap<>();
    private volatile List<FailureRule> active = List.of();
    private volatile Consumer<String> onWithdrawn = id -> {};
    /** How often each rule acted (its probability drawn in its favour): what the dashboard shows as "matched N times". */
    private final Map<String, AtomicLong> matched = new ConcurrentHashMap<>();
    private int nextId;

    /** @param configured the rules the server starts with (and returns to on reset) */
    public FailureRules(List<FailureRule> configured) {
        this.configured = List.copyOf(configured);
        reset();
    }

    /** Called with a rule's id when it is disabled or removed (so a reorder window it holds is let go). */
    void onWithdrawn(Consumer<String> listener) {
        onWithdrawn = listener;
    }

    // ---- the rule set

    /** Back to the configured rules. */
    public synchronized void reset() {
        new ArrayList<>(rules.keySet()).forEach(this::remove);
        nextId = 0;
        configured.forEach(this::add);
    }

    public synchronized List<FailureRule> list() {
        return List.copyOf(rules.values());
    }

    public synchronized Optional<FailureRule> get(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** Adds a rule; one without an id gets the next {@code fr_<n>}. */
    public synchronized FailureRule add(FailureRule rule) {
        String id = rule.id();
        if (id == null) {
            do {
                id = "fr_" + ++nextId;
            } while (rules.containsKey(id));
        } else if (rules.containsKey(id)) {
            throw new IllegalArgumentException("a failure rule with id '" + id + "' exists already");
        }
        FailureRule added = rule.withId(id);
        rules.put(id, added);
        matched.put(id, new AtomicLong());
        publish();
        return added;
    }

    /** Replaces a rule with {@code change} applied to it (the id stays). */
    public synchronized Optional<FailureRule> update(String id, UnaryOperator<FailureRule> change) {
        FailureRule current = rules.get(id);
        if (current == null) {
            return Optional.empty();
        }
        FailureRule next = change.apply(current).withId(id);
        rules.put(id, next);
        publish();
        if (current.enabled() && !next.enabled()) {
            onWithdrawn.accept(id);
        }
        return Optional.of(next);
    }

    public synchronized boolean remove(String id) {
        if (rules.remove(id) == null) {
            return false;
        }
        matched.remove(id);
        publish();
        onWithdrawn.accept(id);
        return true;
    }

    /** How often the rule acted since it was added: attempts it altered, deliveries it held, events it multiplied. */
    public long matched(String id) {
        AtomicLong count = matched.get(id);
        return count == null ? 0 : count.get();
    }

    private void count(FailureRule rule) {
        AtomicLong count = matched.get(rule.id());
        if (count != null) {
            count.incrementAndGet();
        }
    }

    private void publish() {
        active = rules.values().stream().filter(FailureRule::enabled).toList();
    }

    // ---- what the rules do

    @Override
    public AttemptPlan plan(Delivery delivery, Event event, Endpoint endpoint, int attemptNumber) {
        List<String> labels = new ArrayList<>();
        Duration delay = Duration.ZERO;
        boolean drop = false;
        int copies = 1;
        boolean concurrent = false;
        boolean lostAck = false;
        Duration shift = Duration.ZERO;
        List<Secret> secrets = null;
        UnaryOperator<SignedWebhook> mutation = UnaryOperator.identity();
        SignatureScheme scheme = Profiles.get(endpoint.profile()).scheme();
        String signaturePlace = scheme.signatureInBody().map(pointer -> "no " + pointer + " in the body")
                .orElse("no " + scheme.signatureHeader() + " header");
        for (FailureRule rule : active) {
            if (!rule.mode().perAttempt() || !matches(rule, event, endpoint)
                    || !rule.attempts().isEmpty() && !rule.attempts().contains(attemptNumber)) {
                continue;
            }
            SplittableRandom draw = draw(rule, delivery.id() + "#" + attemptNumber);
            if (draw.nextDouble() >= rule.probability()) {
                continue;
            }
            count(rule);
            long seconds = rule.duration().toSeconds();
            switch (rule.mode()) {
                case DUPLICATE -> {
                    copies = Math.max(copies, rule.count());
                    concurrent |= rule.concurrent();
                }
                case DELAY -> {
                    delay = max(delay, rule.duration());
                    labels.add("delay (" + seconds + " s)");
                }
                case DROP -> {
                    drop = true;
                    labels.add("drop (never sent)");
                }
                case LOST_ACK -> {
                    lostAck = true;
                    labels.add("lost_ack (a success counts as a failure)");
                }
                case STALE_TIMESTAMP -> {
                    shift = rule.duration().negated();
                    labels.add("stale_timestamp (-" + seconds + " s)");
                }
                case FUTURE_TIMESTAMP -> {
                    shift = rule.duration();
                    labels.add("future_timestamp (+" + seconds + " s)");
                }
                case BAD_SIGNATURE -> {
                    secrets = List.of(Secrets.generate(endpoint.profile(), draw));
                    labels.add("bad_signature (signed with another secret)");
                }
                case TAMPERED_BODY -> {
                    mutation = andThen(mutation, FailureRules::tamper);
                    labels.add("tampered_body (changed after signing)");
                }
                case MISSING_SIGNATURE -> {
                    mutation = andThen(mutation, w -> withoutSignature(w, scheme));
                    labels.add("missing_signature (" + signaturePlace + ")");
                }
                default -> throw new IllegalStateException("not a per-attempt mode: " + rule.mode());
            }
        }
        if (labels.isEmpty() && copies == 1) {
            return AttemptPlan.NONE;
        }
        return new AttemptPlan(labels.isEmpty() ? null : String.join("; ", labels), delay, drop, copies, concurrent, lostAck,
                shift, secrets, mutation);
    }

    @Override
    public Hold hold(Delivery delivery, Event event, Endpoint endpoint) {
        for (FailureRule rule : active) {
            if (rule.mode() == FailureRule.Mode.REORDER && matches(rule, event, endpoint)) {
                SplittableRandom draw = draw(rule, delivery.id());
                if (draw.nextDouble() < rule.probability()) {
                    count(rule);
                    return new Hold(rule.id(), rule.count(), rule.duration(), rule.seed());
                }
            }
        }
        return null;
    }

    @Override
    public int burst(Event event, List<Endpoint> receivers) {
        int events = 1;
        for (FailureRule rule : active) {
            if (rule.mode() == FailureRule.Mode.BURST
                    && receivers.stream().anyMatch(endpoint -> matches(rule, event, endpoint))
                    && draw(rule, event.id()).nextDouble() < rule.probability()) {
                count(rule);
                events = Math.max(events, rule.count());
            }
        }
        return events;
    }

    private static boolean matches(FailureRule rule, Event event, Endpoint endpoint) {
        return (rule.profile() == null || rule.profile().equals(event.profile()))
                && (rule.endpointId() == null || rule.endpointId().equals(endpoint.id()))
                && (rule.eventType() == null || rule.eventType().equals(event.type()))
                && (!rule.mode().shiftsTimestamp() || Profiles.get(event.profile()).signsTimestamp())
                && (rule.mode() != FailureRule.Mode.TAMPERED_BODY || Profiles.get(event.profile()).traits().signsBody());
    }

    /** A generator for one draw of one rule, seeded by the rule's seed and what is drawn for. */
    private static SplittableRandom draw(FailureRule rule, String subject) {
        long h = 1125899906842597L;
        for (int i = 0; i < subject.length(); i++) {
            h = 31 * h + subject.charAt(i);
        }
        return new SplittableRandom(rule.seed() * 0x9E3779B97F4A7C15L ^ h);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static UnaryOperator<SignedWebhook> andThen(UnaryOperator<SignedWebhook> first, UnaryOperator<SignedWebhook> then) {
        return w -> then.apply(first.apply(w));
    }

    /**
     * The body with a member added in front of its event's first one (still JSON; the event is the body, or
     * the first element of a body that is an array of events), its signature left as it was.
     */
    static SignedWebhook tamper(SignedWebhook webhook) {
        String body = webhook.bodyText();
        Matcher event = EVENT_START.matcher(body);
        String changed = body + " ";
        if (event.lookingAt()) {
            String members = body.substring(event.end());
            boolean empty = NO_MEMBERS.matcher(members).lookingAt();
            changed = body.substring(0, event.end()) + TAMPERED_FIELD + (empty ? "" : ",") + members;
        }
        return webhook.with(changed.getBytes(StandardCharsets.UTF_8), webhook.headers());
    }

    /** The webhook without its signature: the signature header, or the body's signature field where it travels there. */
    private static SignedWebhook withoutSignature(SignedWebhook webhook, SignatureScheme scheme) {
        if (scheme.signatureInBody().isPresent()) {
            return webhook.with(BodyField.without(webhook.body(), scheme.signatureInBody().get()), webhook.headers());
        }
        Map<String, String> headers = new LinkedHashMap<>(webhook.headers());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase(scheme.signatureHeader()));
        return webhook.with(webhook.body(), headers);
    }
}
