package dev.hookcheck.conformance.reference;

import dev.hookcheck.conformance.reference.FlawedReceivers.AcceptsFuture;
import dev.hookcheck.conformance.reference.FlawedReceivers.Answers204;
import dev.hookcheck.conformance.reference.FlawedReceivers.AnswersSlowly;
import dev.hookcheck.conformance.reference.FlawedReceivers.AnyVersion;
import dev.hookcheck.conformance.reference.FlawedReceivers.CaseSensitiveHeaders;
import dev.hookcheck.conformance.reference.FlawedReceivers.ClaimsBeforeVerifying;
import dev.hookcheck.conformance.reference.FlawedReceivers.ComparesExpectedLength;
import dev.hookcheck.conformance.reference.FlawedReceivers.ComparesPrefix;
import dev.hookcheck.conformance.reference.FlawedReceivers.CrashesOnTextTimestamp;
import dev.hookcheck.conformance.reference.FlawedReceivers.DedupesByBodyHash;
import dev.hookcheck.conformance.reference.FlawedReceivers.DedupesByResource;
import dev.hookcheck.conformance.reference.FlawedReceivers.DropsWhenBusy;
import dev.hookcheck.conformance.reference.FlawedReceivers.EchoesExpectedSignature;
import dev.hookcheck.conformance.reference.FlawedReceivers.EnqueuesForged;
import dev.hookcheck.conformance.reference.FlawedReceivers.FailsOnUnknownType;
import dev.hookcheck.conformance.reference.FlawedReceivers.FirstSignatureOnly;
import dev.hookcheck.conformance.reference.FlawedReceivers.GuessesMilliseconds;
import dev.hookcheck.conformance.reference.FlawedReceivers.IgnoresRetryOf;
import dev.hookcheck.conformance.reference.FlawedReceivers.NoTimestampCheck;
import dev.hookcheck.conformance.reference.FlawedReceivers.NoVerification;
import dev.hookcheck.conformance.reference.FlawedReceivers.ParsesBeforeVerifying;
import dev.hookcheck.conformance.reference.FlawedReceivers.ProcessesBeforeVerifying;
import dev.hookcheck.conformance.reference.FlawedReceivers.ProcessesDuplicates;
import dev.hookcheck.conformance.reference.FlawedReceivers.RacesOnDuplicates;
import dev.hookcheck.conformance.reference.FlawedReceivers.RedirectsAfterProcessing;
import dev.hookcheck.conformance.reference.FlawedReceivers.RejectsDuplicates;
import dev.hookcheck.conformance.reference.FlawedReceivers.RotationShortcut;
import dev.hookcheck.conformance.reference.FlawedReceivers.SkipsUnsigned;
import dev.hookcheck.conformance.reference.FlawedReceivers.StrictContentType;
import dev.hookcheck.conformance.reference.FlawedReceivers.SwallowsParseErrors;
import dev.hookcheck.conformance.reference.FlawedReceivers.TightTolerance;
import dev.hookcheck.conformance.reference.FlawedReceivers.TruncatesBody;
import dev.hookcheck.conformance.reference.FlawedReceivers.TrustsKnownSignatures;
import dev.hookcheck.conformance.reference.FlawedReceivers.VerifiesReserializedBody;
import dev.hookcheck.conformance.reference.FlawedReceivers.AnswersForgedHandshake;
import dev.hookcheck.conformance.reference.FlawedReceivers.ExpectsAnEvent;
import dev.hookcheck.conformance.reference.FlawedReceivers.IgnoresHandshake;
import dev.hookcheck.conformance.reference.FlawedReceivers.WrongCharset;
import dev.hookcheck.conformance.reference.FlawedReceivers.WrongKeyEncoding;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Every flaw the catalog claims to catch, with the profiles its flawed receiver is tried on. A flaw
 * is tried where it is a flaw (204 only hurts with Dfns) and where the profile changes what it
 * breaks (a prefix receiver, a list receiver).
 */
public enum Flaw {
    WRONG_KEY_ENCODING("keys the HMAC with the whsec_ text, not its decoded bytes", WrongKeyEncoding::new, "standard"),
    NO_VERIFICATION("does not verify signatures", NoVerification::new, "standard", "github"),
    SKIPS_UNSIGNED("lets a request without a signature header through", SkipsUnsigned::new, "vitable", "mailgun"),
    SWALLOWS_PARSE_ERRORS("ignores a signature header it cannot parse", SwallowsParseErrors::new, "stripe"),
    NO_TIMESTAMP_CHECK("never checks the timestamp", NoTimestampCheck::new, "standard", "dfns", "twitch", "box",
            "linear", "mailgun"),
    ACCEPTS_FUTURE("accepts future timestamps", AcceptsFuture::new, "vitable", "stripe"),
    TIGHT_TOLERANCE("uses a 60 s tolerance", TightTolerance::new, "preo"),
    GUESSES_MILLISECONDS("takes a timestamp above 10^12 for milliseconds", GuessesMilliseconds::new, "standard"),
    CRASHES_ON_TEXT_TIMESTAMP("parses the timestamp unguarded (500 on a date)", CrashesOnTextTimestamp::new,
            "vitable", "dfns"),
    TRUSTS_KNOWN_SIGNATURES("trusts a signature it verified before", TrustsKnownSignatures::new, "standard", "stripe"),
    COMPARES_PREFIX("compares only as many characters as were sent", ComparesPrefix::new, "vitable", "standard"),
    COMPARES_EXPECTED_LENGTH("compares bytes over the expected length (short: 500, long: passes)",
            ComparesExpectedLength::new, "github", "dfns"),
    ANY_VERSION("accepts a signature under any version label", AnyVersion::new, "standard", "vitable", "stripe"),
    FIRST_SIGNATURE_ONLY("reads only the first of several signatures", FirstSignatureOnly::new, "standard", "stripe"),
    ROTATION_SHORTCUT("lets several signatures through unverified", RotationShortcut::new, "standard"),
    CASE_SENSITIVE_HEADERS("looks header names up case-sensitively", CaseSensitiveHeaders::new, "vitable", "standard"),
    VERIFIES_RESERIALIZED_BODY("verifies a re-serialized body", VerifiesReserializedBody::new, "vitable", "dfns"),
    WRONG_CHARSET("decodes the body as ISO-8859-1", WrongCharset::new, "preo", "github"),
    ECHOES_EXPECTED_SIGNATURE("puts the expected signature in its error body", EchoesExpectedSignature::new,
            "vitable", "github"),
    PROCESSES_DUPLICATES("processes duplicates again", ProcessesDuplicates::new, "standard", "dfns"),
    PROCESSES_DUPLICATES_QUEUED("processes duplicates again, from a queue", ProcessesDuplicates::new, true,
            "standard", "github"),
    RACES_ON_DUPLICATES("checks, then inserts, without a lock", RacesOnDuplicates::new, "stripe"),
    REJECTS_DUPLICATES("answers 409 to a verified duplicate", RejectsDuplicates::new, "vitable", "dfns"),
    PROCESSES_BEFORE_VERIFYING("processes the event before verifying it", ProcessesBeforeVerifying::new, "preo"),
    ENQUEUES_FORGED("answers 401 to a forgery but has already enqueued it", EnqueuesForged::new, true, "standard",
            "dfns"),
    CLAIMS_BEFORE_VERIFYING("marks the event id as seen before verifying", ClaimsBeforeVerifying::new, "standard",
            "dfns"),
    DEDUPES_BY_BODY_HASH("deduplicates on a hash of the body", DedupesByBodyHash::new, "standard", "github"),
    DEDUPES_BY_RESOURCE("deduplicates on the resource id, not the event id", DedupesByResource::new, "vitable",
            "stripe"),
    IGNORES_RETRY_OF("deduplicates on the attempt id, ignoring retryOf", IgnoresRetryOf::new, "dfns"),
    DROPS_WHEN_BUSY("drops events that arrive while its one worker is busy", DropsWhenBusy::new, "standard"),
    FAILS_ON_UNKNOWN_TYPE("answers 500 to an unknown event type", FailsOnUnknownType::new, "vitable", "github"),
    PARSES_BEFORE_VERIFYING("parses before verifying and crashes on malformed JSON", ParsesBeforeVerifying::new,
            "stripe"),
    ANSWERS_SLOWLY("does slow work before answering", AnswersSlowly::new, "standard"),
    TRUNCATES_BODY("reads only the first 64 KiB of the body", TruncatesBody::new, "preo"),
    ANSWERS_204("answers 204 No Content", Answers204::new, "dfns"),
    REDIRECTS("redirects after processing (303)", RedirectsAfterProcessing::new, "standard"),
    STRICT_CONTENT_TYPE("accepts only the exact Content-Type application/json", StrictContentType::new, "vitable"),
    IGNORES_HANDSHAKE("treats the verification handshake as an event", IgnoresHandshake::new, "zoom", "twitch",
            "slack", "dropbox"),
    ANSWERS_FORGED_HANDSHAKE("echoes any verification challenge, signed or not", AnswersForgedHandshake::new,
            "twitch"),
    EXPECTS_AN_EVENT("reads an event from every message (500 on a revocation)", ExpectsAnEvent::new, "twitch");

    final String description;
    final List<String> profiles;
    private final BiFunction<Profile, Secret, ReferenceReceiver> factory;
    private final boolean queued;

    Flaw(String description, BiFunction<Profile, Secret, ReferenceReceiver> factory, String... profiles) {
        this(description, factory, false, profiles);
    }

    /** @param queued the receiver answers first and processes from a queue ({@link ReferenceReceiver#queued}) */
    Flaw(String description, BiFunction<Profile, Secret, ReferenceReceiver> factory, boolean queued,
            String... profiles) {
        this.description = description;
        this.factory = factory;
        this.queued = queued;
        this.profiles = List.of(profiles);
    }

    ReferenceReceiver receiver(Profile profile, Secret secret) {
        ReferenceReceiver receiver = factory.apply(profile, secret);
        return queued ? receiver.queued() : receiver;
    }

    /** What the receiver does wrong, as its row of the detection matrix reads. */
    public String description() {
        return description;
    }

    /** The profiles the flawed receiver is tried on. */
    public List<String> profiles() {
        return profiles;
    }

    /** The flawed receiver for a built-in profile, with that profile's test secret; not started. */
    public ReferenceReceiver receiver(String profile) {
        return receiver(Profiles.get(profile), Secrets.of(profile));
    }
}
