package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.hookcheck.conformance.reference.Flaw;
import dev.hookcheck.conformance.reference.ReferenceReceiver;
import dev.hookcheck.conformance.reference.Secrets;
import dev.hookcheck.core.profile.Profiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code hookcheck send} against receivers that verify for real (the reference receivers): what it
 * sends is what the provider would, so a correct receiver accepts and processes it, and the options
 * reproduce by hand what the checks do.
 */
class SendCommandTest {
    /** {@code POST invoice.paid msg_… signed at …}: the event's idempotency key is the third word. */
    private static final Pattern SENT = Pattern.compile("(?m)^POST (\\S+) (\\S+)");

    private static Cli.Result send(ReferenceReceiver receiver, String profile, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("send", "--url", receiver.url().toString(), "--profile",
                profile, "--secret", Secrets.of(profile).reveal()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static List<String> keys(Cli.Result result) {
        Matcher sent = SENT.matcher(result.out());
        List<String> keys = new java.util.ArrayList<>();
        while (sent.find()) {
            keys.add(sent.group(2));
        }
        return keys;
    }

    @TestFactory
    Stream<DynamicTest> aCatalogEventIsAcceptedAndProcessedByAReceiverThatVerifies() {
        return Profiles.names().stream().map(profile -> dynamicTest(profile, () -> {
            try (ReferenceReceiver receiver = ReferenceReceiver.correct(profile).start()) {
                Cli.Result result = send(receiver, profile);

                assertThat(result.exitCode()).as("%s", result).isZero();
                assertThat(result.out()).containsPattern("(?m)^  200 in \\d+ ms");
                assertThat(keys(result)).hasSize(1);
                if (Profiles.get(profile).fields().carriesKey()) { // Dropbox's notices carry none to count by
                    assertThat(receiver.timesProcessed(keys(result).get(0))).isOne();
                }
            }
        }));
    }

    @Test
    void theEventTypeIsTheOneNamed() {
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("stripe").start()) {
            Cli.Result result = send(receiver, "stripe", "--event", "invoice.paid", "--verbose");

            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(result.out()).startsWith("POST invoice.paid evt_").contains("\"type\":\"invoice.paid\"",
                    "Stripe-Signature: t=");
        }
    }

    @Test
    void countSendsThatManyDistinctEventsEachProcessedOnce() {
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("vitable").start()) {
            Cli.Result result = send(receiver, "vitable", "--count", "3");

            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(keys(result)).hasSize(3).doesNotHaveDuplicates()
                    .allSatisfy(key -> assertThat(receiver.timesProcessed(key)).isOne());
        }
    }

    @Test
    void duplicateSendsTheProvidersRetryWhichACorrectReceiverAcknowledgesAndDoesNotProcessAgain() {
        for (String profile : List.of("standard", "dfns")) {
            try (ReferenceReceiver receiver = ReferenceReceiver.correct(profile).start()) {
                Cli.Result result = send(receiver, profile, "--duplicate");

                assertThat(result.exitCode()).as("%s", result).isZero();
                assertThat(keys(result)).hasSize(2).containsOnly(keys(result).get(0));
                assertThat(result.out()).contains("(retry: attempt 2)");
                assertThat(receiver.timesProcessed(keys(result).get(0))).isOne();
            }
        }
    }

    @Test
    void duplicateShowsAReceiverThatProcessesRetriesTwice() {
        try (ReferenceReceiver receiver = Flaw.PROCESSES_DUPLICATES.receiver("standard").start()) {
            Cli.Result result = send(receiver, "standard", "--duplicate");

            assertThat(result.exitCode()).isZero();
            assertThat(receiver.timesProcessed(keys(result).get(0))).isEqualTo(2);
        }
    }

    @Test
    void staleSignsJustBeyondTheToleranceAndAReceiverThatChecksRefusesIt() {
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("standard").start()) {
            Cli.Result result = send(receiver, "standard", "--stale");

            assertThat(result.exitCode()).as("an answer that is not 2xx").isEqualTo(1);
            assertThat(result.out()).containsPattern("(?m)^  4\\d\\d in \\d+ ms");
            long signedAt = Long.parseLong(result.out().replaceAll("(?s).*signed at (\\d+).*", "$1"));
            assertThat(java.time.Instant.now().getEpochSecond() - signedAt).isBetween(329L, 340L);
            assertThat(receiver.timesProcessed(keys(result).get(0))).isZero();
        }
        try (ReferenceReceiver receiver = Flaw.NO_TIMESTAMP_CHECK.receiver("standard").start()) {
            assertThat(send(receiver, "standard", "--stale").exitCode()).as("a receiver without a window").isZero();
        }
    }

    @Test
    void timestampSignsTheGivenTimeEvenInsideTheBody() {
        long twoMinutesAgo = java.time.Instant.now().getEpochSecond() - 120;
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("dfns").start()) {
            Cli.Result result = send(receiver, "dfns", "--timestamp", Long.toString(twoMinutesAgo), "-v");

            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(result.out()).contains("\"timestampSent\":" + twoMinutesAgo);
        }
    }

    @Test
    void aBodyOfYourOwnIsSentAsItIsAndSigned() {
        byte[] body = "{\"type\":\"invoice.paid\",  \"data\":{\"note\":\"caf\u00e9\"}}".getBytes(StandardCharsets.UTF_8);
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("standard").start()) {
            Cli.Result result = Cli.run(body, "send", "--url", receiver.url().toString(), "--profile", "standard",
                    "--secret", Secrets.of("standard").reveal(), "--body", "-", "-v");

            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(result.out()).contains("POST invoice.created " + body.length + " bytes of --body",
                    new String(body, StandardCharsets.UTF_8), "  200 in ");
        }
    }

    @Test
    void aWrongSecretIsRefusedByTheReceiverAndExitsOne() {
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("standard").start()) {
            Cli.Result result = Cli.run("send", "--url", receiver.url().toString(), "--profile", "standard",
                    "--secret", "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out()).containsPattern("(?m)^  401 in \\d+ ms");
        }
    }

    @Test
    void staleMeansNothingWhereNoTimestampIsSigned() {
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("github").start()) {
            Cli.Result result = send(receiver, "github", "--stale");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.errLines()).containsExactly("hookcheck: GitHub signs no timestamp, so --timestamp and"
                    + " --stale change nothing; leave them out");
        }
    }

    @Test
    void aTimestampCannotChangeABodyThatCarriesItsOwn() {
        try (ReferenceReceiver receiver = ReferenceReceiver.correct("dfns").start()) {
            Cli.Result result = Cli.run("{}".getBytes(StandardCharsets.UTF_8), "send", "--url",
                    receiver.url().toString(), "--profile", "dfns", "--secret", Secrets.of("dfns").reveal(),
                    "--body", "-", "--stale");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.errLines()).containsExactly("hookcheck: Dfns signs the timestamp inside the body: change"
                    + " it in the --body file itself, or leave --body out to send a catalog event with --timestamp or"
                    + " --stale");
        }
    }
}
