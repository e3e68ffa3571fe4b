package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.conformance.internal.Wire;
import dev.hookcheck.core.signing.Tolerance;
import java.util.Objects;
import java.util.Optional;

/**
 * One conformance check: a stable id, what it sends, what it expects, how to fix a receiver that
 * fails it, and how much it matters for each profile. Checks talk to the receiver only over HTTP.
 * The catalog is {@link Checks#all()}; {@code Conformance.run} runs it.
 */
public abstract class Check {
    private final String id;
    private final Category category;
    private final String title;
    private final String sends;
    private final String expects;
    private final String hint;
    private final String why;

    /**
     * @param id stable forever, for example {@code SIG-004}
     * @param title what a conforming receiver does, as a sentence without a subject
     * @param sends what the check sends, for people
     * @param expects what it expects back, for people
     * @param hint how to fix a receiver that fails, as a sentence
     * @param why why it matters: what goes wrong in production for a receiver that fails, as a sentence
     */
    protected Check(String id, Category category, String title, String sends, String expects, String hint,
            String why) {
        this.id = Objects.requireNonNull(id, "id");
        this.category = Objects.requireNonNull(category, "category");
        this.title = Objects.requireNonNull(title, "title");
        this.sends = Objects.requireNonNull(sends, "sends");
        this.expects = Objects.requireNonNull(expects, "expects");
        this.hint = Objects.requireNonNull(hint, "hint");
        this.why = Objects.requireNonNull(why, "why");
    }

    public final String id() {
        return id;
    }

    public final Category category() {
        return category;
    }

    public final String title() {
        return title;
    }

    public final String sends() {
        return sends;
    }

    public final String expects() {
        return expects;
    }

    public final String hint() {
        return hint;
    }

    /** Why the check matters: what goes wrong in production for a receiver that fails it. */
    public final String why() {
        return why;
    }

    /**
     * How much this check matters for the receiver's profile: {@link #ownLevel}, but not applicable
     * where the check counts side effects per event and the provider's deliveries carry no event id
     * (nothing to deduplicate on).
     */
    public final Level level(Receiver receiver) {
        if (needsProbe() && !receiver.profile().fields().carriesKey()) {
            return Level.notApplicable(receiver.profile().displayName() + "'s deliveries carry no event id, so there"
                    + " is nothing to deduplicate on: a receiver reads what changed from the provider's API instead");
        }
        return ownLevel(receiver);
    }

    /** How much this check matters for the receiver's profile; required unless a check says otherwise. */
    Level ownLevel(Receiver receiver) {
        return Level.required();
    }

    /** Whether the check observes side effects; without a probe it is skipped ("no probe"). */
    public boolean needsProbe() {
        return false;
    }

    /** Sends what the check sends and throws the session's failure when the answer is wrong. */
    public abstract void run(Session session) throws Exception;

    @Override
    public String toString() {
        return id + " " + title;
    }

    // ---- levels shared by several checks

    /** The scheme's wire format, if the kit knows it (declarative schemes and Standard Webhooks). */
    static Optional<Wire> wire(Receiver receiver) {
        return Wire.of(receiver.profile().scheme());
    }

    static Level unknownWire() {
        return Level.notApplicable("the scheme does not describe its wire format; use a declarative scheme");
    }

    /**
     * Required where the provider signs a timestamp that a replay window is judged by, whatever its
     * scheme (a check that only signs at another instant needs nothing more); not applicable where
     * nothing is timestamped.
     */
    static Level signsTimestamp(Receiver receiver) {
        return receiver.profile().signsTimestamp() && receiver.tolerance().direction() != Tolerance.Direction.NONE
                ? Level.required() : noReplayWindow(receiver);
    }

    /** Like {@link #signsTimestamp}, for checks that rewrite the timestamp as sent: they need the wire format. */
    static Level needsTimestamp(Receiver receiver) {
        Level signed = signsTimestamp(receiver);
        if (!signed.isApplicable()) {
            return signed;
        }
        return wire(receiver).map(w -> w.signsTimestamp() ? signed : noReplayWindow(receiver)).orElse(unknownWire());
    }

    private static Level noReplayWindow(Receiver receiver) {
        return Level.notApplicable(receiver.profile().displayName() + " signs no timestamp, so there is no replay window");
    }

    /**
     * {@code level}, unless the provider's signature does not cover the body: then a check that changes,
     * re-encodes or re-serializes the body after signing is not applicable, since a receiver cannot tell.
     */
    static Level signsBody(Receiver receiver, Level level) {
        return receiver.profile().traits().unsignedBody()
                .map(what -> Level.notApplicable(receiver.profile().displayName() + " signs " + what
                        + ", not the body, so a receiver cannot tell a changed or re-encoded body"))
                .orElse(level);
    }

    /** {@code level}, but only recommended where the provider's library accepts future timestamps. */
    static Level futureRefused(Receiver receiver, Level level) {
        if (level.isApplicable() && receiver.profile().tolerance().direction() == Tolerance.Direction.PAST) {
            return Level.recommended(receiver.profile().displayName()
                    + "'s own library accepts future timestamps; refusing them is still safer");
        }
        return level;
    }
}
