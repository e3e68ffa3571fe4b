package dev.hookcheck.mock.internal.api.dfns;

import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Dfns's {@code nextPageToken}/{@code paginationToken}: opaque to clients, base64url of where the
 * previous page ended. A token names a position, not a session, so the same token gives the same
 * page again. Webhooks (a handful per organization, oldest first) resume at an offset; webhook
 * events (newest first, new ones arriving on top) resume after the last attempt seen, so arrivals
 * between two pages neither repeat nor skip an item.
 */
final class PageToken {
    static final String PARAMETER = "paginationToken";

    private static final String WEBHOOKS = "webhooks:";
    private static final String EVENTS = "events:";

    private PageToken() {}

    static String webhooksFrom(int offset) {
        return encode(WEBHOOKS + offset);
    }

    /** The offset a webhooks token resumes at; 0 without a token. */
    static int webhooksOffset(String token) {
        if (token == null) {
            return 0;
        }
        String text = decode(token, WEBHOOKS);
        try {
            int offset = Integer.parseInt(text);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw garbled();
    }

    static String eventsAfter(AttemptRecord last) {
        return encode(EVENTS + last.sentAt() + "|" + last.id());
    }

    /** Where an events token resumes; null without a token (from the newest). */
    static EventPosition eventsPosition(String token) {
        if (token == null) {
            return null;
        }
        String text = decode(token, EVENTS);
        int bar = text.indexOf('|');
        if (bar > 0 && bar < text.length() - 1) {
            try {
                return new EventPosition(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
            } catch (DateTimeParseException e) {
                // refused below
            }
        }
        throw garbled();
    }

    /** The last attempt of a page, in the newest-first order of {@code Store.attemptsOfEndpoint}. */
    record EventPosition(Instant sentAt, String id) {
        /** Whether {@code attempt} comes after this position, newest first (by send time, then id). */
        boolean isBefore(AttemptRecord attempt) {
            int bySentAt = attempt.sentAt().compareTo(sentAt);
            return bySentAt < 0 || (bySentAt == 0 && attempt.id().compareTo(id) < 0);
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token, String kind) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw garbled();
        }
        if (!text.startsWith(kind)) {
            throw garbled();
        }
        return text.substring(kind.length());
    }

    private static ApiException garbled() {
        return ApiException.invalid(PARAMETER, PARAMETER
                + " is not a token this list returned; pass its nextPageToken back unchanged");
    }
}
