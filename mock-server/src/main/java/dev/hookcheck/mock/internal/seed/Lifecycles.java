package dev.hookcheck.mock.internal.seed;

import dev.hookcheck.core.event.Event;
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
        for (Flows.Step step : Flows.draw(profile.name(), random)) {
            String type = step.type();
            String resourceType = step.resourceType();
            if (type.equals("employee.deduction_created") && at.isBefore(Seeder.VITABLE_RENAME)) {
                type = "payroll_deduction.created";
                resourceType = "payroll_deduction";
            }
            String resourceId = resources.computeIfAbsent(resourceType, k -> profile.ids().resource(k).generate(random));
            events.add(new Event(profile.ids().event().generate(random), profile.name(), organizationId, type, resourceType,
                    resourceId, at, profile.examples().of(profile, type, resourceType, resourceId, at, random)));
            at = at.plus(gap(type, random));
        }
        return events;
    }

    /** The seeder's pauses: deductions follow payroll runs (two to four weeks); other steps are 30 s to two days apart. */
    static Duration gap(String type, RandomGenerator random) {
        if (type.equals("enrollment.accepted") || type.equals("enrollment.granted") || type.contains("deduction")) {
            return Duration.ofDays(14 + random.nextInt(17));
        }
        return Duration.ofSeconds(30 + random.nextLong(2 * 86_400));
    }
}
