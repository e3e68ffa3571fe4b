package dev.hookcheck.core.internal.providers.dropbox;

import static dev.hookcheck.core.internal.providers.Bodies.JSON;
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
import dev.hookcheck.core.profile.Traits;
import dev.hookcheck.core.signing.SchemeSpec;
import dev.hookcheck.core.signing.SchemeSpec.Algorithm;
import dev.hookcheck.core.signing.SchemeSpec.Encoding;
import dev.hookcheck.core.signing.SchemeSpec.KeyFormat;
import dev.hookcheck.core.signing.SchemeSpec.SignatureFormat;
import dev.hookcheck.core.signing.SchemeSpec.Source;
import dev.hookcheck.core.signing.SignatureSchemes;
import dev.hookcheck.core.signing.Tolerance;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dropbox's webhooks: a notification says only that something changed for some accounts (no event id,
 * no event type, no data); the app then reads the changes with {@code /files/list_folder/continue} and
 * its cursor, which is idempotent by itself. Signed with the app secret, no timestamp; the URI is
 * verified first with an unsigned {@code GET ?challenge=}.
 */
public final class Provider implements Supplier<Profile> {
    /** {@code X-Dropbox-Signature: <hex HMAC-SHA256 of the body>}, keyed with the app secret; no timestamp. */
    static final SchemeSpec SCHEME = new SchemeSpec("dropbox", Algorithm.HMAC_SHA256, KeyFormat.utf8(), "{body}",
            SignatureFormat.prefixed("X-Dropbox-Signature", "", Encoding.HEX), Source.none(), Source.none(),
            Tolerance.none(), false);

    @Override
    public Profile get() {
        return Profile.builder("dropbox", "Dropbox")
                .signing(SignatureSchemes.declarative(SCHEME),
                        new SecretFormat("the app secret (15 lower-case letters and digits)",
                                Pattern.compile("[0-9a-z]{15}"),
                                "it is the App secret on the app's Settings page in the Dropbox App Console"),
                        r -> IdFormat.of("", IdFormat.LOWER_ALNUM, 15).generate(r))
                // Dropbox documents only that it backs off exponentially when the endpoint fails
                .retries(new RetryPolicy(List.of(ofMinutes(1), ofMinutes(2), ofMinutes(4), ofMinutes(8), ofMinutes(16),
                        ofMinutes(32), ofMinutes(64)), 0.1))
                .timeout(ofSeconds(10))
                .traits(Traits.NONE.withHandshake(new ChallengeEcho()))
                .catalog(new EventCatalog(List.of(new EventType("list_folder", "account")), List.of("account")),
                        new Ids(IdFormat.guid(), IdFormat.guid(), IdFormat.of("", IdFormat.LOWER_ALNUM, 15),
                                IdFormat.of("", IdFormat.LOWER_ALNUM, 15),
                                Map.of("account", IdFormat.of("dbid:AA", IdFormat.BASE62, 41))),
                        Provider::payload, Provider::data, r -> List.of(new Step("list_folder", "account")))
                .fields(Field.none(), Field.none(), Field.none())
                .idempotencyKey("none: a notification names the accounts whose files changed; the app reads the changes"
                        + " with its cursor (files/list_folder/continue), which is idempotent by itself")
                .assumptions("the retry schedule (Dropbox documents exponential back-off, not the gaps)",
                        "the app secret is 15 lower-case letters and digits")
                .build();
    }

    /** {@code {"list_folder":{"accounts":[…]},"delta":{"users":[…]}}}: who changed, nothing about what. */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("list_folder").putArray("accounts").add(event.resourceId());
        body.putObject("delta").putArray("users").add(JSON.readTree(event.dataJson()).path("uid").asLong());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Bodies.JSON_TYPE);
        headers.put("User-Agent", "DropboxWebhooks/1.0");
        return Bodies.payload(body, headers, null, attempt, event.id());
    }

    /** The account the notification names, as the API's {@code users/get_account} shows it. */
    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        String[] names = {"Ana Lima", "Kenji Mori", "Priya Nair", "Zoë Martin"};
        return JSON.writeValueAsString(JSON.createObjectNode().put("account_id", id)
                .put("uid", 10_000_000L + r.nextInt(900_000_000)).put("name", names[r.nextInt(names.length)]));
    }
}
