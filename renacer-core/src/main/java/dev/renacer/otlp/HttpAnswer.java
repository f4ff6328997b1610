package dev.renacer.otlp;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What a collector answered one OTLP/HTTP request, as far as sending cares: the status, and the wait
 * it asked for before a retry. Filled by {@link HttpTransport#post} into an instance the caller owns
 * and reuses.
 */
final class HttpAnswer {
    /** No {@code Retry-After} in the answer, or one that could not be read. */
    static final long NO_RETRY_AFTER = -1;

    int status;
    /** The {@code Retry-After} of the answer in milliseconds from when it was read, or {@link #NO_RETRY_AFTER}. */
    long retryAfterMillis = NO_RETRY_AFTER;

    void reset() {
        status = 0;
        retryAfterMillis = NO_RETRY_AFTER;
    }

    /**
     * A {@code Retry-After} value (RFC 9110 10.2.3): delay-seconds or an HTTP-date, as milliseconds from
     * {@code now}; {@link #NO_RETRY_AFTER} when it is neither (a date in the past is 0).
     */
    static long parseRetryAfter(String value, Instant now) {
        String v = value.trim();
        if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
            return v.length() > 9 ? Long.MAX_VALUE / 2 : Long.parseLong(v) * 1000;
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Math.max(0, at.toEpochMilli() - now.toEpochMilli());
        } catch (DateTimeParseException e) {
            return NO_RETRY_AFTER;
        }
    }
}
