package dev.booking.domain;

/** Identifies a reservation, chosen by the client and unique within its event; validated at construction. */
public record ReservationId(String value) {
    public ReservationId {
        Identifiers.require("reservationId", value);
    }

    public static ReservationId of(String value) {
        return new ReservationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
