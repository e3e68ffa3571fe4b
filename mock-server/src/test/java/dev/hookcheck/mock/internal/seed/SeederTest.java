package dev.hookcheck.mock.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Credential;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.EventFilter;
import dev.hookcheck.mock.internal.store.Organization;
import dev.hookcheck.mock.internal.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeederTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private static Store seeded(long seed, int events) {
        MockServerConfig config = MockServerConfig.defaults().withSeed(seed).withEventsPerProfile(events)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        ServerContext context = new ServerContext(config, new Store(config.clock()));
        Seeder.seed(context.store(), context.config(), context.now());
        return context.store();
    }

    private static List<Event> allEvents(Store store, String profile) {
        return store.organizations(profile).stream()
                .flatMap(o -> store.events(o.id(), EventFilter.ALL, 0, Integer.MAX_VALUE).items().stream()).toList();
    }

    @Test
    void theSameSeedGivesTheSameIdsAndData() {
        Store a = seeded(7, 50);
        Store b = seeded(7, 50);
        for (String profile : Profiles.names()) {
            assertThat(allEvents(a, profile)).isEqualTo(allEvents(b, profile));
        }
        assertThat(a.apiKeys()).isEqualTo(b.apiKeys());
    }

    @Test
    void anotherSeedGivesOtherIds() {
        assertThat(allEvents(seeded(7, 20), "vitable")).doesNotContainAnyElementsOf(allEvents(seeded(8, 20), "vitable"));
    }

    @Test
    void everyProfileGetsTheConfiguredNumberOfEventsOverTheLastSixWeeks() {
        Store store = seeded(1, 120);
        for (Profile profile : Profiles.all()) {
            List<Event> events = allEvents(store, profile.name());
            assertThat(events).as(profile.name()).hasSize(120);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.createdAt()).isBetween(NOW.minus(Duration.ofDays(42)), NOW);
                assertThat(profile.events().contains(e.type())).isTrue();
                assertThat(profile.ids().event().matches(e.id())).isTrue();
                assertThat(profile.ids().resource(e.resourceType()).matches(e.resourceId())).as(e.toString()).isTrue();
            });
        }
    }

    @Test
    void everyProfileHasTwoOrganizationsWithAKeyEach() {
        Store store = seeded(1, 0);
        for (String profile : Profiles.names()) {
            List<Organization> orgs = store.organizations(profile);
            assertThat(orgs).hasSize(2);
            assertThat(store.apiKeys().values()).filteredOn(m -> m.containsKey(profile)).hasSize(2);
        }
    }

    @Test
    void theFirstDfnsOrganizationHasAKeyCredentialWhosePrivateKeySigns() throws Exception {
        Store store = seeded(1, 0);
        String first = store.organizations("dfns").get(0).id();

        Credential signer = store.credentials(first).get(0);
        String pem = signer.privateKey().orElseThrow().reveal();
        PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", ""))));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update("hello".getBytes(StandardCharsets.UTF_8));

        assertThat(signer.publicKey().verify("hello".getBytes(StandardCharsets.UTF_8), signature.sign(), null)).isTrue();
        assertThat(store.credentials()).containsExactly(signer);
    }

    @Test
    void theSameSeedGivesTheSameSigner() {
        Credential a = seeded(7, 0).credentials().get(0);
        Credential b = seeded(7, 0).credentials().get(0);
        Credential other = seeded(8, 0).credentials().get(0);

        assertThat(b.id()).isEqualTo(a.id());
        assertThat(b.privateKey()).isEqualTo(a.privateKey());
        assertThat(other.id()).isNotEqualTo(a.id());
        assertThat(other.publicKey()).isNotEqualTo(a.publicKey());
    }

    @Test
    void aFixedApiKeyOpensTheFirstOrganizationOfEveryProfile() {
        MockServerConfig config = MockServerConfig.defaults().withApiKey("sandbox-key").withEventsPerProfile(0)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        ServerContext context = new ServerContext(config, new Store(config.clock()));
        Seeder.seed(context.store(), context.config(), context.now());
        for (String profile : Profiles.names()) {
            assertThat(context.store().organizationOfKey("sandbox-key", profile))
                    .hasValue(context.store().organizations(profile).get(0).id());
        }
    }

    @Test
    void vitableEnrollmentsStartBeforeTheyAreAcceptedOrWaived() {
        Store store = seeded(3, 300);
        Map<String, List<Event>> byEnrollment = allEvents(store, "vitable").stream()
                .filter(e -> e.resourceType().equals("enrollment"))
                .collect(java.util.stream.Collectors.groupingBy(Event::resourceId));
        assertThat(byEnrollment).isNotEmpty();
        byEnrollment.values().forEach(events -> {
            List<String> types = events.stream().sorted(java.util.Comparator.comparing(Event::createdAt)).map(Event::type).toList();
            assertThat(types.get(0)).isEqualTo("enrollment.started");
        });
        assertThat(allEvents(store, "vitable")).extracting(Event::type)
                .contains("employee.eligibility_granted", "enrollment.accepted", "enrollment.waived", "employee.deduction_created");
    }

    @Test
    void dfnsEventsCarryKindSpecificData() {
        Store store = seeded(3, 200);
        assertThat(allEvents(store, "dfns")).allSatisfy(e ->
                assertThat(e.dataJson()).startsWith("{\"" + e.resourceType() + "\":{\"id\":\"" + e.resourceId() + "\""));
    }

    @Test
    void seededDeliveriesAreSignedForRealAndRetriedOnTheProfileSchedule() {
        Store store = seeded(5, 300);
        for (Profile profile : Profiles.all()) {
            List<Delivery> deliveries = store.deliveries().stream().filter(d -> d.profile().equals(profile.name())).toList();
            assertThat(deliveries).as(profile.name()).isNotEmpty();
            assertThat(deliveries).extracting(Delivery::status).contains(DeliveryStatus.DELIVERED);
            for (Delivery delivery : deliveries) {
                Endpoint endpoint = store.endpoint(delivery.endpointId()).orElseThrow();
                List<AttemptRecord> attempts = store.attemptsOfDelivery(delivery.id());
                assertThat(attempts).hasSize(delivery.attempts());
                for (int i = 0; i < attempts.size(); i++) {
                    AttemptRecord attempt = attempts.get(i);
                    byte[] body = attempt.requestBody().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    var verdict = profile.scheme().verify(profile.scheme().deliveryUrl(endpoint.url(), body),
                            attempt.requestHeaders(), body, endpoint.secrets(), Clock.fixed(attempt.sentAt(), ZoneOffset.UTC),
                            profile.tolerance());
                    assertThat(verdict.isVerified()).as("%s %s", profile.name(), verdict).isTrue();
                    if (i > 0) {
                        Duration gap = Duration.between(attempts.get(i - 1).sentAt(), attempt.sentAt());
                        assertThat(gap).isLessThanOrEqualTo(profile.retryPolicy().delays().get(i - 1));
                    }
                }
                if (delivery.status() == DeliveryStatus.DELIVERED) {
                    assertThat(profile.successRule().isSuccess(delivery.responseStatus())).isTrue();
                }
            }
        }
    }

    @Test
    void dfnsRetriesAreNewEventsPointingBackThroughRetryOf() {
        Store store = seeded(5, 300);
        List<Delivery> retried = store.deliveries().stream()
                .filter(d -> d.profile().equals("dfns") && d.attempts() > 1).toList();
        assertThat(retried).isNotEmpty();
        for (Delivery delivery : retried) {
            List<AttemptRecord> attempts = store.attemptsOfDelivery(delivery.id());
            for (int i = 1; i < attempts.size(); i++) {
                assertThat(attempts.get(i).retryOf()).isEqualTo(attempts.get(i - 1).id());
                assertThat(attempts.get(i).requestBody()).contains("\"deliveryAttempt\":" + (i + 1))
                        .contains("\"retryOf\":\"" + attempts.get(i - 1).id() + "\"");
            }
        }
    }
}
