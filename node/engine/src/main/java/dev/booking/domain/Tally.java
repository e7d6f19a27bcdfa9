package dev.booking.domain;

/** How many reservations of an event were confirmed, rejected and later cancelled. */
public record Tally(int confirmed, int rejected, int cancelled) {
    public static final Tally NONE = new Tally(0, 0, 0);
}
