package dev.hookcheck.conformance.internal.check;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.internal.Session;
import dev.hookcheck.core.event.Event;

/** ROB-001: providers add event types; a receiver that fails on them gets disabled. */
final class UnknownEventTypeAcknowledged extends Check {
    static final String UNKNOWN = "hookcheck.unknown_event";

    UnknownEventTypeAcknowledged() {
        super("ROB-001", Category.ROBUSTNESS, "acknowledges an unknown event type",
                "a correctly signed delivery of the event type " + UNKNOWN,
                "2xx",
                "answer 2xx to event types you do not handle (log and ignore them); the provider adds types without"
                        + " asking, and errors make it retry and eventually disable your endpoint.",
                "Providers add event types without warning; a 5xx for one you do not handle is retried and can"
                        + " get your endpoint disabled.");
    }

    @Override
    Level ownLevel(Receiver receiver) {
        return receiver.profile().fields().carriesType() ? Level.required()
                : Level.notApplicable(receiver.profile().displayName() + "'s deliveries name no event type");
    }

    @Override
    public void run(Session session) {
        Event event = session.event(UNKNOWN);
        session.expectAccepted(session.send(session.deliver(event, session.attempt(event, session.now()))),
                "for an event of the unknown type " + UNKNOWN);
    }
}
