package dev.booking.domain;

/** Identifies a category of seats within an event (floor, balcony, the 19:30 slot); validated at construction. */
public record CategoryId(String value) {
    public CategoryId {
        Identifiers.require("category", value);
    }

    public static CategoryId of(String value) {
        return new CategoryId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
