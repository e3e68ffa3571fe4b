package dev.hookcheck.conformance.internal.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The check catalog, in id order. Ids are stable forever: a retired check keeps its id unused. */
public final class Catalog {
    private static final List<Check> ALL = List.of(
            new ValidSignatureAccepted(), new MissingSignatureRejected(), new EmptySignatureRejected(),
            new GarbledSignatureRejected(), new WrongSecretRejected(), new ChangedBodyRejected(),
            new ChangedTimestampRejected(), new TruncatedSignatureRejected(), new OverlongSignatureRejected(),
            new UnknownVersionRejected(), new DowngradeRejected(), new RotationAccepted(),
            new NoValidSignatureRejected(), new HeaderCaseAccepted(), new RawBodyVerified(), new Utf8BodyAccepted(),
            new NoSignatureEcho(),
            new StaleTimestampRejected(), new FreshTimestampAccepted(), new FutureTimestampRejected(),
            new MillisecondTimestampRejected(), new NonNumericTimestampRejected(), new ExactReplayHarmless(),
            new RetryProcessedOnce(), new ConcurrentDuplicatesProcessedOnce(), new ForgedRequestHarmless(),
            new RetryOfChainProcessedOnce(), new BurstNothingLost(), new IdenticalBodiesProcessedSeparately(),
            new SameResourceEventsProcessed(), new ForgeryDoesNotClaimTheId(),
            new UnknownEventTypeAcknowledged(), new MalformedJsonNo5xx(), new AnswersInTime(),
            new LargePayloadAccepted(),
            new SuccessStatus(), new NoRedirect(), new JsonCharsetAccepted(),
            new HandshakeAnswered(), new ForgedHandshakeRefused(), new ControlMessagesAcknowledged());

    private Catalog() {}

    public static List<Check> all() {
        return ALL;
    }

    public static Optional<Check> find(String id) {
        return ALL.stream().filter(c -> c.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The checks with these ids in catalog order (all for an empty set), or an error naming the unknown ones. */
    public static List<Check> select(Collection<String> ids) {
        if (ids.isEmpty()) {
            return ALL;
        }
        Set<String> unknown = new TreeSet<>();
        List<Check> selected = new ArrayList<>();
        for (String id : ids) {
            find(id).ifPresentOrElse(c -> { }, () -> unknown.add(id));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown check id(s) " + unknown + "; known ids: "
                    + String.join(", ", ALL.stream().map(Check::id).toList()));
        }
        for (Check check : ALL) {
            if (ids.stream().anyMatch(id -> id.equalsIgnoreCase(check.id()))) {
                selected.add(check);
            }
        }
        return List.copyOf(selected);
    }
}
