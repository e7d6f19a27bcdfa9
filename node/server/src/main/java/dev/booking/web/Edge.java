package dev.booking.web;

import dev.booking.domain.InvalidInput;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** Checks at the edge that turn raw input into domain values or a 400 naming the field. */
final class Edge {
    private Edge() {
    }

    static <T> T require(String field, T value) {
        if (value == null) {
            throw ProblemException.badRequest("missing_field", "field '" + field + "' is required", field);
        }
        return value;
    }

    static <T> T id(String field, String raw, Function<String, T> constructor) {
        try {
            return constructor.apply(raw);
        } catch (InvalidInput e) {
            throw ProblemException.badRequest("invalid_" + kind(field), "'" + field + "' "
                    + e.getMessage().substring(e.getMessage().indexOf(':') + 2), field);
        }
    }

    /**
     * An ISO-8601 date and time with its offset ({@code 2027-01-15T20:00:00Z}, {@code 2027-01-15T21:00:00+01:00}).
     * Text only: a number would have to be read as seconds or milliseconds since 1970, and Jackson reads
     * one too large for an {@code Instant} as 1970 itself.
     */
    static Instant instant(String field, String raw) {
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid_field", "'" + field
                    + "' must be an ISO-8601 date and time with its offset, such as 2027-01-15T20:00:00Z", field);
        }
    }

    private static String kind(String field) {
        return field.endsWith("Id") || field.endsWith(".id") || field.equals("category") ? "id" : "field";
    }
}
