package dev.hookcheck.mock.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.Schemas;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every delivered body of every profile matches its published schema ({@code schemas/json/payloads/}). */
class DeliveredPayloadSchemaTest {

    static List<String> profiles() {
        return Profiles.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void everySeededDeliveryBodyMatchesTheProfilesPayloadSchema(String profile) {
        MockServerConfig config = MockServerConfig.defaults().withEventsPerProfile(200)
                .withClock(Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC));
        ServerContext context = new ServerContext(config, new Store(config.clock()));
        Seeder.seed(context.store(), context.config(), context.now());
        List<Delivery> deliveries = context.store().deliveries().stream().filter(d -> d.profile().equals(profile)).toList();
        assertThat(deliveries).isNotEmpty();
        for (Delivery delivery : deliveries) {
            for (AttemptRecord attempt : context.store().attemptsOfDelivery(delivery.id())) {
                Schemas.assertValid("payloads/" + profile + ".schema.json", attempt.requestBody());
            }
        }
    }
}
