package dev.booking.domain;

/**
 * The one shape that every identifier in the booking language has: {@value #SHAPE}.
 *
 * <p>Checked by hand rather than with a regular expression: every id is checked again whenever a value
 * is read off the wire, so this runs several times per reservation on the hot path.
 */
final class Identifiers {
    static final String SHAPE = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    static final int MAX_LENGTH = 64;

    private Identifiers() {
    }

    static String require(String field, String value) {
        if (value == null) {
            throw new InvalidInput(field, "is required");
        }
        if (!hasShape(value)) {
            throw new InvalidInput(field, "must match " + SHAPE + " (1 to 64 characters)");
        }
        return value;
    }

    static boolean hasShape(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_LENGTH || !isLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!isLetterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
