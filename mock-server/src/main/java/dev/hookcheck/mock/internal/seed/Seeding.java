package dev.hookcheck.mock.internal.seed;

import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.seed.Seeder.ProfileSeeder;
import dev.hookcheck.mock.internal.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The seeding of one store, made on need and at most once per part. The accounts of every profile
 * (organizations, API keys, the signing credential, endpoints) come first and together: they are few, and
 * listings across profiles show them. A profile's history (its events, deliveries and attempts: nearly all
 * of the cost) comes when something first reads that profile ({@link #history}), or with every other one
 * ({@link #all}: built in parallel, stored in profile order, each as soon as it can be). Each profile
 * draws from its own random, accounts then history, so the data is the same whatever order the parts
 * are needed in.
 */
public final class Seeding {
    private final Store store;
    private final MockServerConfig config;
    private final Supplier<Instant> now;
    /** Per profile, in catalog order, once {@link #accounts} ran. */
    private Map<String, ProfileSeeder> seeders;
    private final Map<String, CompletableFuture<Void>> histories = new ConcurrentHashMap<>();

    /** Nothing is seeded yet; {@code now} is read once, when the accounts are made. */
    public Seeding(Store store, MockServerConfig config, Supplier<Instant> now) {
        this.store = store;
        this.config = config;
        this.now = now;
    }

    /** Makes every profile's accounts, unless done. */
    public synchronized void accounts() {
        if (seeders == null) {
            Instant at = now.get();
            Map<String, ProfileSeeder> made = new LinkedHashMap<>();
            for (Profile profile : Profiles.all()) {
                ProfileSeeder seeder = new ProfileSeeder(profile, config.seed(), at);
                seeder.accounts(store, config);
                made.put(profile.name(), seeder);
            }
            seeders = made;
        }
    }

    /** Makes the accounts and {@code profile}'s history, unless done; waits while another thread makes it. */
    public void history(String profile) {
        accounts();
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> theirs = histories.putIfAbsent(profile, mine);
        if (theirs != null) {
            unwrapped(theirs);
            return;
        }
        make(List.of(profile), List.of(mine));
    }

    /** Makes whatever is not made yet, the histories in parallel; waits for those other threads make. */
    public void all() {
        accounts();
        List<String> claimed = new ArrayList<>();
        List<CompletableFuture<Void>> mine = new ArrayList<>();
        for (String profile : seeders.keySet()) {
            CompletableFuture<Void> future = new CompletableFuture<>();
            if (histories.putIfAbsent(profile, future) == null) {
                claimed.add(profile);
                mine.add(future);
            }
        }
        make(claimed, mine);
        histories.values().forEach(Seeding::unwrapped);
    }

    /**
     * Makes nothing more, for a store about to be cleared: what is not made yet never will be (by this
     * seeding), what another thread is making is waited for.
     */
    public void stop() {
        synchronized (this) {
            if (seeders == null) {
                seeders = Map.of();
            }
        }
        Profiles.names().forEach(p -> histories.putIfAbsent(p, CompletableFuture.completedFuture(null)));
        histories.values().forEach(Seeding::unwrapped);
    }

    /**
     * Builds the histories of {@code profiles} (on as many threads as there are cores, when more than one)
     * and stores each in turn, in the order given, as soon as it and those before it are built: as if
     * made one after the other, and a reader of an early profile does not wait for the last.
     */
    private void make(List<String> profiles, List<CompletableFuture<Void>> futures) {
        if (profiles.isEmpty()) {
            return;
        }
        int threads = Math.min(profiles.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService builders = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hookcheck-seeding");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<Store>> built = builders == null ? List.of()
                    : profiles.stream().map(p -> CompletableFuture.supplyAsync(() -> build(p), builders)).toList();
            for (int i = 0; i < profiles.size(); i++) {
                store.addAll(builders == null ? build(profiles.get(i)) : unwrapped(built.get(i)));
                futures.get(i).complete(null);
            }
        } catch (RuntimeException | Error e) {
            futures.forEach(f -> f.completeExceptionally(e)); // no effect on those already complete
            throw e;
        } finally {
            if (builders != null) {
                builders.shutdownNow();
            }
        }
    }

    /** The profile's history; none when {@link #stop} came before the accounts (and so before any seeder). */
    private Store build(String profile) {
        ProfileSeeder seeder = seeders.get(profile);
        return seeder == null ? new Store(store.clock()) : seeder.history(config, store.clock());
    }

    /** Waits for {@code future}; a failure is rethrown as it was thrown, not wrapped. */
    private static <T> T unwrapped(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
