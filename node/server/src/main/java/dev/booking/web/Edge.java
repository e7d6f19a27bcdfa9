package dev.booking.web;

import dev.booking.domain.InvalidInput;

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

    private static String kind(String field) {
        return field.endsWith("Id") || field.endsWith(".id") || field.equals("category") ? "id" : "field";
    }
}
