package dev.hookcheck.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.SignedWebhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProfilesTest {
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant SENT = Instant.parse("2026-01-01T00:00:07Z");

    @Test
    void theBuiltInProfilesAreListedInOrderWithStandardAsTheDefault() {
        List<String> names = Profiles.names();
        assertThat(names.subList(0, 6)).containsExactly("standard", "vitable", "dfns", "preo", "stripe", "github");
        assertThat(names.subList(6, names.size())).as("the providers added since, by name").isSorted()
                .contains("svix", "shopify", "square", "zoom", "twitch", "slack", "pagerduty", "intercom", "box", "paddle", "dropbox", "twilio", "sendgrid",
                        "linear", "mailgun");
        assertThat(Profiles.defaultProfile().name()).isEqualTo("standard");
    }

    @Test
    void anUnknownProfileNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Profiles.get("paypal"))
                .hasMessage("unknown profile 'paypal'; known profiles: " + String.join(", ", Profiles.names()));
    }

    @Test
    void vitableRetries14TimesOverAbout3Point4DaysWithTheLongestGap24Hours() {
        RetryPolicy retry = Profiles.get("vitable").retryPolicy();
        assertThat(retry.maxAttempts()).isEqualTo(14);
        assertThat(retry.delays().get(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(retry.delays()).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofHours(24)));
        assertThat(retry.span().toMinutes() / 1440.0).isBetween(3.4, 3.45);
    }

    @Test
    void dfnsRetriesAtOneMinuteTwelveMinutesTwoHoursAndOneDayAfterTheFirstAttempt() {
        RetryPolicy retry = Profiles.get("dfns").retryPolicy();
        Duration offset = Duration.ZERO;
        List<Duration> offsets = new java.util.ArrayList<>();
        for (Duration d : retry.delays()) {
            offset = offset.plus(d);
            offsets.add(offset);
        }
        assertThat(retry.maxAttempts()).isEqualTo(5);
        assertThat(offsets).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(12), Duration.ofHours(2), Duration.ofDays(1));
    }

    @Test
    void standardWebhooksRetriesTenTimesOverAbout75Hours() {
        RetryPolicy retry = Profiles.get("standard").retryPolicy();
        assertThat(retry.maxAttempts()).isEqualTo(10);
        assertThat(retry.span().toHours()).isEqualTo(75);
    }

    @Test
    void githubNeverRetries() {
        assertThat(Profiles.get("github").retryPolicy().maxAttempts()).isEqualTo(1);
        assertThat(Profiles.get("github").retryPolicy().delayAfter(1, new Random(1))).isEmpty();
    }

    @Test
    void jitterOnlyShortensADelayAndRepeatsForTheSameSeed() {
        RetryPolicy retry = Profiles.get("vitable").retryPolicy();
        List<Duration> first = IntStream.rangeClosed(1, 13).mapToObj(n -> retry.delayAfter(n, new SplittableRandom(42 + n)).orElseThrow()).toList();
        List<Duration> again = IntStream.rangeClosed(1, 13).mapToObj(n -> retry.delayAfter(n, new SplittableRandom(42 + n)).orElseThrow()).toList();
        assertThat(first).isEqualTo(again);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.get(i)).isLessThanOrEqualTo(retry.delays().get(i))
                    .isGreaterThanOrEqualTo(Duration.ofMillis((long) (retry.delays().get(i).toMillis() * 0.9)));
        }
    }

    @Test
    void dfnsCountsOnlyExactly200AsSuccess() {
        SuccessRule rule = Profiles.get("dfns").successRule();
        assertThat(rule.isSuccess(200)).isTrue();
        assertThat(rule.isSuccess(201)).isFalse();
        assertThat(rule.isSuccess(204)).isFalse();
    }

    @Test
    void otherProfilesCountAny2xxButNo3xxAsSuccess() {
        SuccessRule rule = Profiles.get("vitable").successRule();
        assertThat(rule.isSuccess(204)).isTrue();
        assertThat(rule.isSuccess(302)).isFalse();
        assertThat(rule.isSuccess(199)).isFalse();
    }

    @Test
    void onlyVitableHasACircuitBreakerAfter25ConsecutiveFailures() {
        assertThat(Profiles.get("vitable").circuitBreaker()).hasValue(25);
        assertThat(Profiles.all()).filteredOn(p -> !p.name().equals("vitable"))
                .allSatisfy(p -> assertThat(p.circuitBreaker()).isEmpty());
    }

    @Test
    void vitableKnowsBothNamesOfTheRenamedDeductionEvent() {
        EventCatalog events = Profiles.get("vitable").events();
        assertThat(events.find("employee.deduction_created")).hasValueSatisfying(e -> assertThat(e.resourceType()).isEqualTo("employee"));
        assertThat(events.find("payroll_deduction.created"))
                .hasValueSatisfying(e -> assertThat(e.replacedBy()).isEqualTo("employee.deduction_created"));
        assertThat(events.resourceTypes()).containsExactly("enrollment", "employee", "employer", "dependent", "plan_year", "payroll_deduction");
    }

    @Test
    void dfnsIdsMatchTheirDocumentedPatterns() {
        Ids ids = Profiles.get("dfns").ids();
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            assertThat(ids.endpoint().generate(random)).matches("^wh-[a-z0-9]{5}-[a-z0-9]{5}-[a-z0-9]{14,16}$");
            assertThat(ids.event().generate(random)).matches("^whe-[a-z0-9]{5}-[a-z0-9]{5}-[a-z0-9]{14,16}$");
        }
        assertThat(ids.resource("wallet").generate(random)).startsWith("wa-");
        assertThat(ids.resource("transferRequest").generate(random)).startsWith("xfr-");
    }

    @Test
    void everyGeneratedIdMatchesItsOwnFormatAndTheSameSeedGivesTheSameIds() {
        for (Profile profile : Profiles.all()) {
            Ids ids = profile.ids();
            List<IdFormat> formats = new java.util.ArrayList<>(List.of(ids.event(), ids.delivery(), ids.endpoint(), ids.organization()));
            formats.addAll(ids.resources().values());
            for (IdFormat format : formats) {
                String id = format.generate(new Random(3));
                assertThat(format.matches(id)).as("%s %s", profile.name(), id).isTrue();
                assertThat(format.generate(new Random(3))).isEqualTo(id);
            }
            profile.events().types().forEach(t -> assertThat(ids.resources()).as(profile.name() + " " + t.name())
                    .containsKey(t.resourceType()));
        }
    }

    @Test
    void vitableDeliversAThinEventWithEventId() {
        Event event = new Event("wevt_abc", "vitable", "org_1", "enrollment.accepted", "enrollment", "enrl_1", CREATED, "{}");
        SignedWebhook webhook = Profiles.get("vitable").sign(event, Attempt.first("wdlv_1", "wsub_1", event.id(), SENT),
                List.of(Secret.of("s")));
        assertThat(webhook.bodyText()).isEqualTo("{\"event_id\":\"wevt_abc\",\"event_name\":\"enrollment.accepted\","
                + "\"resource_type\":\"enrollment\",\"resource_id\":\"enrl_1\",\"created_at\":\"2026-01-01T00:00:00Z\","
                + "\"organization_id\":\"org_1\"}");
        assertThat(webhook.headers()).containsEntry("X-Vitable-Timestamp", Long.toString(SENT.getEpochSecond()))
                .containsKey("X-Vitable-Signature");
        assertThat(webhook.idempotencyKey()).isEqualTo("wevt_abc");
    }

    @Test
    void dfnsDeliversEveryAttemptAsANewCompactEventPointingBackThroughRetryOf() {
        Profile dfns = Profiles.get("dfns");
        Event event = new Event("whe-aaaaa-bbbbb-cccccccccccccccc", "dfns", "or-1", "wallet.transfer.confirmed",
                "transferRequest", "xfr-1", CREATED, "{\"transferRequest\":{\"id\":\"xfr-1\"}}");
        Attempt first = Attempt.first("d1", "wh-1", event.id(), SENT);
        Attempt second = first.next("whe-ddddd-eeeee-ffffffffffffffff", SENT.plusSeconds(60));
        Attempt third = second.next("whe-ggggg-hhhhh-iiiiiiiiiiiiiiii", SENT.plusSeconds(720));

        SignedWebhook w1 = dfns.sign(event, first, List.of(Secret.of("s")));
        SignedWebhook w3 = dfns.sign(event, third, List.of(Secret.of("s")));

        assertThat(w1.bodyText()).isEqualTo("{\"id\":\"whe-aaaaa-bbbbb-cccccccccccccccc\",\"kind\":\"wallet.transfer.confirmed\","
                + "\"date\":\"2026-01-01T00:00:00.000Z\",\"data\":{\"transferRequest\":{\"id\":\"xfr-1\"}},"
                + "\"timestampSent\":" + SENT.getEpochSecond() + ",\"deliveryAttempt\":1}");
        assertThat(w3.bodyText()).contains("\"id\":\"whe-ggggg-hhhhh-iiiiiiiiiiiiiiii\"")
                .contains("\"deliveryAttempt\":3").contains("\"retryOf\":\"whe-ddddd-eeeee-ffffffffffffffff\"")
                .contains("\"timestampSent\":" + (SENT.getEpochSecond() + 720));
        assertThat(w3.idempotencyKey()).isEqualTo(event.id());
    }

    @Test
    void aDeliveredWebhookVerifiesUnderItsOwnProfile() {
        for (Profile profile : Profiles.all()) {
            var type = profile.events().types().get(0);
            Event event = new Event(profile.ids().event().generate(new Random(1)), profile.name(), "org",
                    type.name(), type.resourceType(), "r1", CREATED, "{\"k\":\"v\"}");
            Secret secret = profile.newSecret(new SplittableRandom(1)); // one the provider would make
            SignedWebhook webhook = profile.sign(event, Attempt.first("d", "e", event.id(), SENT), List.of(secret),
                    "https://example.com/webhooks");

            var result = profile.scheme().verify(webhook.url(), webhook.headers(), webhook.body(), List.of(secret),
                    Clock.fixed(SENT, ZoneOffset.UTC), profile.tolerance());

            assertThat(result.isVerified()).as(profile.name() + ": " + result).isTrue();
        }
    }

    @Test
    void githubSendsTheEventNameDeliveryGuidAndHookIdAsHeaders() {
        Event event = new Event("e", "github", "1", "push", "repository", "42", CREATED, "{\"ref\":\"refs/heads/main\"}");
        SignedWebhook webhook = Profiles.get("github").sign(event,
                Attempt.first("72d3162e-cc78-11e3-81ab-4c9367dc0958", "123456789", "e", SENT), List.of(Secret.of("s")));
        assertThat(webhook.bodyText()).isEqualTo("{\"ref\":\"refs/heads/main\"}");
        assertThat(webhook.headers()).containsEntry("X-GitHub-Event", "push")
                .containsEntry("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958")
                .containsEntry("X-GitHub-Hook-ID", "123456789").containsKey("X-Hub-Signature-256");
        assertThat(webhook.idempotencyKey()).isEqualTo("72d3162e-cc78-11e3-81ab-4c9367dc0958");
    }

    @Test
    void preoListsWhatItAssumes() {
        assertThat(Profiles.get("preo").assumptions()).anySatisfy(a -> assertThat(a).contains("X-Preo-Signature"));
    }
}
