package dev.hookcheck.conformance.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Conformance;
import dev.hookcheck.conformance.Options;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Handshake;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.profile.Traits;
import dev.hookcheck.core.signing.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * HSK-001 and HSK-002 against receivers of a profile with a signed challenge handshake (Standard
 * Webhooks' signing with a Slack-like url_verification): the correct receiver passes both, one that
 * treats the handshake as an event fails HSK-001, one that answers without verifying fails HSK-002, and
 * a profile without a handshake has neither.
 */
class HandshakeChecksTest {
    static final Secret SECRET = Secrets.of("standard");

    /** A challenge in a signed JSON body, answered with the challenge as plain text. */
    static final class ChallengeEcho implements Handshake {
        private final Profile base = Profiles.get("standard");

        @Override
        public String name() {
            return "url_verification";
        }

        @Override
        public Request request(Secret secret, long now, RandomGenerator random) {
            String challenge = Long.toHexString(random.nextLong());
            byte[] body = ("{\"type\":\"url_verification\",\"challenge\":\"" + challenge + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
            headers.putAll(base.scheme().sign(List.of(secret), "msg_handshake_" + challenge, now, body));
            return new Request("POST", "", headers, body);
        }

        @Override
        public boolean signed() {
            return true;
        }

        @Override
        public Optional<String> problem(Request sent, Answer answer, Secret secret) {
            String challenge = sent.bodyText().replaceAll(".*\"challenge\":\"([^\"]+)\".*", "$1");
            return answer.status() == 200 && answer.body().strip().equals(challenge) ? Optional.empty()
                    : Optional.of("status " + answer.status() + " without the challenge");
        }

        @Override
        public Optional<Answer> respond(Request received, Secret secret) {
            if (!received.bodyText().contains("\"url_verification\"")) {
                return Optional.empty();
            }
            Verification verification = base.scheme().verify(received.headers(), received.body(), List.of(secret),
                    Clock.systemUTC());
            if (!verification.isVerified()) {
                return Optional.of(Answer.of(401, "application/json", "{\"error\":\"invalid signature\"}"));
            }
            return Optional.of(Answer.of(200, "text/plain",
                    received.bodyText().replaceAll(".*\"challenge\":\"([^\"]+)\".*", "$1")));
        }
    }

    static final Profile WITH_HANDSHAKE = Profiles.get("standard")
            .withTraits(Traits.NONE.withHandshake(new ChallengeEcho()));

    private static Map<String, CheckResult.Outcome> run(ReferenceReceiver receiver, Profile profile) {
        try (ReferenceReceiver running = receiver.start()) {
            return Conformance.run(Receiver.of(running.url(), profile, SECRET),
                    Options.defaults().checks("HSK-001", "HSK-002")).stream()
                    .collect(java.util.stream.Collectors.toMap(CheckResult::id, CheckResult::outcome));
        }
    }

    @Test
    void aReceiverThatVerifiesAndAnswersTheHandshakePassesBoth() {
        assertThat(run(new ReferenceReceiver(WITH_HANDSHAKE, SECRET), WITH_HANDSHAKE))
                .containsEntry("HSK-001", CheckResult.Outcome.PASSED).containsEntry("HSK-002", CheckResult.Outcome.PASSED);
    }

    @Test
    void aReceiverThatTreatsTheHandshakeAsAnEventFailsHsk001() {
        ReferenceReceiver ignores = new ReferenceReceiver(WITH_HANDSHAKE, SECRET) {
            @Override
            Optional<Reply> handshake(Request request) {
                return Optional.empty();
            }
        };
        assertThat(run(ignores, WITH_HANDSHAKE)).containsEntry("HSK-001", CheckResult.Outcome.FAILED);
    }

    @Test
    void aReceiverThatAnswersEveryHandshakeUnverifiedFailsHsk002() {
        ReferenceReceiver answersAll = new ReferenceReceiver(WITH_HANDSHAKE, SECRET) {
            @Override
            Optional<Reply> handshake(Request request) {
                String body = new String(request.body(), StandardCharsets.UTF_8);
                return body.contains("url_verification") ? Optional.of(new Reply(200, Map.of("Content-Type",
                        "text/plain"), body.replaceAll(".*\"challenge\":\"([^\"]+)\".*", "$1"))) : Optional.empty();
            }
        };
        Map<String, CheckResult.Outcome> outcomes = run(answersAll, WITH_HANDSHAKE);
        assertThat(outcomes).containsEntry("HSK-001", CheckResult.Outcome.PASSED)
                .containsEntry("HSK-002", CheckResult.Outcome.FAILED);
    }

    @Test
    void aProfileWithoutAHandshakeHasNeitherCheck() {
        assertThat(run(new ReferenceReceiver(Profiles.get("standard"), SECRET), Profiles.get("standard")))
                .containsEntry("HSK-001", CheckResult.Outcome.SKIPPED).containsEntry("HSK-002", CheckResult.Outcome.SKIPPED);
    }
}
