package dev.hookcheck.mock.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.EventFilter;
import dev.hookcheck.mock.internal.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Seeding on need: a profile's history when it is first read, the same data whatever the order. */
class SeedingTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final MockServerConfig CONFIG = MockServerConfig.defaults().withSeed(5).withEventsPerProfile(40)
            .withApiKey("sandbox").withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Store store() {
        return new Store(CONFIG.clock());
    }

    private static Seeding seeding(Store store) {
        return new Seeding(store, CONFIG, () -> NOW);
    }

    private static List<Event> events(Store store, String profile) {
        return store.organizations(profile).stream()
                .flatMap(o -> store.events(o.id(), EventFilter.ALL, 0, Integer.MAX_VALUE).items().stream()).toList();
    }

    @Test
    void theDataIsTheSameWhicheverOrderTheHistoriesAreNeededIn() {
        Store eager = store();
        Seeder.seed(eager, CONFIG, NOW); // every history at once, in parallel
        Store lazy = store();
        Seeding seeding = seeding(lazy);

        seeding.history("stripe");
        List<String> backwards = new ArrayList<>(Profiles.names());
        Collections.reverse(backwards);
        backwards.forEach(seeding::history); // one at a time, alone
        seeding.all();

        for (String profile : Profiles.names()) {
            assertThat(events(lazy, profile)).as(profile).isEqualTo(events(eager, profile)).isNotEmpty();
            assertThat(lazy.endpointsOfProfile(profile)).as(profile).isEqualTo(eager.endpointsOfProfile(profile));
            assertThat(lazy.organizations(profile)).as(profile).isEqualTo(eager.organizations(profile));
        }
        assertThat(lazy.apiKeys()).isEqualTo(eager.apiKeys());
        assertThat(lazy.credentials()).isEqualTo(eager.credentials());
        assertThat(sortedById(lazy.deliveries(), Delivery::id)).isEqualTo(sortedById(eager.deliveries(), Delivery::id));
        assertThat(sortedById(lazy.attemptsFrom(0), AttemptRecord::id)).isEqualTo(sortedById(eager.attemptsFrom(0), AttemptRecord::id));
        // in the order the histories were needed: only what lists every profile at once could tell
        assertThat(lazy.deliveries().get(0).profile()).isEqualTo("stripe");
    }

    private static <T> List<T> sortedById(List<T> items, java.util.function.Function<T, String> id) {
        return items.stream().sorted(Comparator.comparing(id)).toList();
    }

    @Test
    void aProfilesHistoryComesAloneAndTheAccountsOfEveryProfileWithIt() {
        Store store = store();

        seeding(store).history("vitable");

        assertThat(events(store, "vitable")).hasSize(40);
        for (String profile : Profiles.names()) {
            assertThat(store.organizations(profile)).as(profile).hasSize(2);
            assertThat(store.organizationOfKey("sandbox", profile)).as(profile).isPresent();
            assertThat(store.endpointsOfProfile(profile)).as(profile).isNotEmpty().noneMatch(Endpoint::enabled);
            if (!profile.equals("vitable")) {
                assertThat(events(store, profile)).as(profile).isEmpty();
            }
        }
        assertThat(store.deliveries()).isNotEmpty().allMatch(d -> d.profile().equals("vitable"));
    }

    @Test
    void aHistoryNeededByTwoThreadsAtOnceIsMadeOnce() throws Exception {
        Store store = store();
        Seeding seeding = seeding(store);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> readers = List.of(1, 2, 3).stream().map(i -> CompletableFuture.runAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (i == 3) {
                seeding.all();
            } else {
                seeding.history("dfns");
            }
        }, runnable -> new Thread(runnable).start())).toList();

        go.countDown();
        CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).join();

        for (String profile : Profiles.names()) {
            assertThat(events(store, profile)).as(profile).hasSize(40);
        }
    }

    @Test
    void aStoppedSeedingAddsNothingMore() {
        Store store = store();
        Seeding seeding = seeding(store);
        seeding.history("preo");

        seeding.stop();
        store.clear();
        seeding.history("stripe");
        seeding.all();

        assertThat(store.eventCount()).isZero();
        assertThat(store.organizations("stripe")).isEmpty();
    }

    @Test
    void aSeedingStoppedBeforeItBeganAddsNothingAtAll() {
        Store store = store();
        Seeding seeding = seeding(store);

        seeding.stop();
        seeding.all();

        assertThat(store.apiKeys()).isEmpty();
    }
}
