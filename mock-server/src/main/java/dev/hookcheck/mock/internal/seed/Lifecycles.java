package dev.hookcheck.mock.internal.seed;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.EventType;
import dev.hookcheck.core.profile.Lifecycle;
import dev.hookcheck.core.profile.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One resource's story as events planned on the clock, told the way the seeded history tells them:
 * the steps of one of the profile's flows (an enrollment, a transfer, an order), with realistic data
 * and the same pauses between steps. Used by {@code POST /__admin/lifecycles}.
 */
public final class Lifecycles {
    private Lifecycles() {}

    /** The lifecycle's events, the first created at {@code start}, each next one a realistic pause later. */
    public static List<Event> plan(Profile profile, String organizationId, Instant start, RandomGenerator random) {
        List<Event> events = new ArrayList<>();
        Map<String, String> resources = new HashMap<>();
        Instant at = start;
        for (Lifecycle.Step step : profile.lifecycle().draw(random)) {
            EventType sent = sentAt(profile, step, at);
            String type = sent.name();
            String resourceType = sent.resourceType();
            String resourceId = resources.computeIfAbsent(resourceType, k -> profile.ids().resource(k).generate(random));
            events.add(new Event(profile.ids().event().generate(random), profile.name(), organizationId, type, resourceType,
                    resourceId, at, profile.examples().of(profile, type, resourceType, resourceId, at, random)));
            at = at.plus(gap(step, random));
        }
        return events;
    }

    /** The event of the step as the provider named it then (a renamed event keeps its old name before the rename). */
    static EventType sentAt(Profile profile, Lifecycle.Step step, Instant at) {
        EventType current = profile.events().find(step.type()).orElseThrow(() -> new IllegalStateException(
                profile.name() + "'s lifecycle names " + step.type() + ", which its catalog lacks"));
        return profile.events().asSentAt(current, at);
    }

    /** The pauses between steps: weeks where the story says so (payroll runs), else 30 s to two days. */
    static Duration gap(Lifecycle.Step step, RandomGenerator random) {
        if (step.weeksBefore()) {
            return Duration.ofDays(14 + random.nextInt(17));
        }
        return Duration.ofSeconds(30 + random.nextLong(2 * 86_400));
    }
}
