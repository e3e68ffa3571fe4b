package dev.hookcheck.core.internal.providers.vitable;

import static dev.hookcheck.core.internal.providers.Bodies.JSON;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.Payload;
import dev.hookcheck.core.internal.providers.Bodies;
import dev.hookcheck.core.profile.EventCatalog;
import dev.hookcheck.core.profile.EventType;
import dev.hookcheck.core.profile.Field;
import dev.hookcheck.core.profile.IdFormat;
import dev.hookcheck.core.profile.Ids;
import dev.hookcheck.core.profile.Lifecycle.Step;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.RetryPolicy;
import dev.hookcheck.core.profile.SecretFormat;
import dev.hookcheck.core.signing.SignatureSchemes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.ObjectNode;

/** Vitable Connect (health benefits). */
public final class Provider implements Supplier<Profile> {
    /** Before this instant Vitable called the deduction event {@code payroll_deduction.created}. */
    static final Instant DEDUCTION_RENAME = Instant.parse("2026-03-25T00:00:00Z");

    @Override
    public Profile get() {
        List<Duration> delays = new ArrayList<>();
        for (int minutes = 1; minutes <= 1024; minutes *= 2) {
            delays.add(ofMinutes(minutes)); // 1, 2, 4 … 1024 min
        }
        delays.add(ofHours(24));
        delays.add(ofHours(24)); // 14 attempts over ~3.42 days, longest gap 24 h
        return Profile.builder("vitable", "Vitable Connect").position(1)
                .signing(SignatureSchemes.declarative(SignatureSchemes.VITABLE),
                        SecretFormat.text("the secret text exactly as Vitable sent it", "Vitable hands it out when it"
                                + " registers your webhook URL (there is no API for it; the sandbox prints its own)"),
                        r -> "vitable_whsec_" + Bodies.alnum(r, 32))
                .retries(new RetryPolicy(delays, 0.1)).circuitBreaker(25).timeout(ofSeconds(30))
                .catalog(new EventCatalog(List.of(
                                new EventType("employer.eligibility_policy_created", "employer"),
                                new EventType("employee.eligibility_granted", "employee"),
                                new EventType("enrollment.started", "enrollment"),
                                new EventType("enrollment.elected", "enrollment"),
                                new EventType("enrollment.granted", "enrollment"),
                                new EventType("enrollment.accepted", "enrollment"),
                                new EventType("enrollment.waived", "enrollment"),
                                new EventType("employee.deduction_created", "employee"),
                                // renamed on 2026-03-25; the API reference still lists the old name
                                EventType.renamed("payroll_deduction.created", "payroll_deduction",
                                        "employee.deduction_created", DEDUCTION_RENAME),
                                new EventType("employee.eligibility_terminated", "employee"),
                                new EventType("enrollment.terminated", "enrollment"),
                                new EventType("employee.deactivated", "employee")),
                                List.of("enrollment", "employee", "employer", "dependent", "plan_year", "payroll_deduction")),
                        new Ids(id("wevt_"), id("wdlv_"), id("wsub_"), id("org_"),
                                Map.of("enrollment", id("enrl_"), "employee", id("empl_"),
                                        "employer", id("empr_"), "dependent", id("dep_"),
                                        "plan_year", id("plyr_"), "payroll_deduction", id("pded_"),
                                        "eligibility_policy", id("epol_"))),
                        Provider::payload, (p, type, resourceType, id, at, r) -> "{}", Provider::story)
                .fields(Field.json("event_id"), Field.json("event_name"), Field.header("X-Vitable-Timestamp"))
                .idempotencyKey("event_id in the body")
                .assumptions("the exact retry gaps are derived: 1, 2, 4 … 1024 min then two 24 h gaps (about 3.42 days)",
                        "jitter shortens each retry delay by up to 10 %",
                        "the receiver timeout (30 s) is not published",
                        "ids after the prefix are 16 lower-case letters and digits",
                        "dependent, plan year and payroll deduction id prefixes (dep_, plyr_, pded_)")
                .build();
    }

    private static IdFormat id(String prefix) {
        return IdFormat.of(prefix, IdFormat.LOWER_ALNUM, 16);
    }

    /** Vitable's thin event: no resource snapshot, {@code event_id} (not {@code id}). */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event_id", event.id());
        body.put("event_name", event.type());
        body.put("resource_type", event.resourceType());
        body.put("resource_id", event.resourceId());
        body.put("created_at", Bodies.iso(event.createdAt()));
        body.put("organization_id", event.organizationId());
        return Bodies.payload(body, Map.of("Content-Type", Bodies.JSON_TYPE), null, attempt, event.id());
    }

    /**
     * Policy → eligibility → enrollment started → elected + accepted (or waived) → monthly deductions
     * → sometimes termination.
     */
    static List<Step> story(RandomGenerator r) {
        if (r.nextInt(12) == 0) {
            return List.of(new Step("employer.eligibility_policy_created", "employer"));
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("employee.eligibility_granted", "employee"));
        steps.add(new Step("enrollment.started", "enrollment"));
        if (r.nextInt(5) == 0) {
            steps.add(new Step("enrollment.waived", "enrollment"));
            return steps;
        }
        steps.add(new Step("enrollment.elected", "enrollment"));
        // deductions follow payroll runs, two to four weeks apart
        steps.add(new Step(r.nextInt(6) == 0 ? "enrollment.granted" : "enrollment.accepted", "enrollment").thenWeeks());
        int deductions = 1 + r.nextInt(2);
        for (int i = 0; i < deductions; i++) {
            steps.add(new Step("employee.deduction_created", "employee").thenWeeks());
        }
        if (r.nextInt(6) == 0) {
            steps.add(new Step("employee.eligibility_terminated", "employee"));
            steps.add(new Step("enrollment.terminated", "enrollment"));
            steps.add(new Step("employee.deactivated", "employee"));
        }
        return steps;
    }
}
