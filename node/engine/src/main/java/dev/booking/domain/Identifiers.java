package dev.booking.domain;

import java.util.regex.Pattern;

/** The one shape that every identifier in the booking language has. */
final class Identifiers {
    static final String SHAPE = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    private static final Pattern PATTERN = Pattern.compile(SHAPE);

    private Identifiers() {
    }

    static String require(String field, String value) {
        if (value == null) {
            throw new InvalidInput(field, "is required");
        }
        if (!PATTERN.matcher(value).matches()) {
            throw new InvalidInput(field, "must match " + SHAPE + " (1 to 64 characters)");
        }
        return value;
    }
}
