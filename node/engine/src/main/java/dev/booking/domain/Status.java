package dev.booking.domain;

/**
 * Where a reservation stands. It only moves forward: PENDING (accepted, not yet decided), then
 * CONFIRMED or REJECTED, and only a confirmed reservation can become CANCELLED.
 */
public enum Status {
    PENDING, CONFIRMED, REJECTED, CANCELLED;

    /** How far along a reservation is; a view keeps the most advanced state it has seen. */
    public int rank() {
        return switch (this) {
            case PENDING -> 0;
            case CONFIRMED, REJECTED -> 1;
            case CANCELLED -> 2;
        };
    }
}
