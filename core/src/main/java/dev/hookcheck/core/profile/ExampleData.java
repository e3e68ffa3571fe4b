package dev.hookcheck.core.profile;

import java.time.Instant;
import java.util.random.RandomGenerator;

/** Makes a realistic {@code data} object for one event of a profile: what the provider would put there. */
@FunctionalInterface
public interface ExampleData {

    /**
     * @param profile the profile whose ids the data refers to (wallets, editions, policies…)
     * @param type the event name
     * @param resourceType the resource the event is about
     * @param resourceId that resource's id
     * @param at when the event happened
     * @param random the source of every other value, so the same seed gives the same data
     * @return compact JSON, {@code {}} where the provider sends no data (thin events)
     */
    String of(Profile profile, String type, String resourceType, String resourceId, Instant at, RandomGenerator random);
}
