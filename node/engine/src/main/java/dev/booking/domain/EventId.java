package dev.booking.domain;

/** Identifies event; validated at construction. */
public record EventId(String value) {
    public EventId {
        Identifiers.require("eventId", value);
    }

    public static EventId of(String value) {
        return new EventId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
