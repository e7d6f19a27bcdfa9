package dev.booking.domain;

/** Identifies the customer a reservation is made for; validated at construction. */
public record CustomerId(String value) {
    public CustomerId {
        Identifiers.require("customerId", value);
    }

    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
