package dev.booking.domain;

/** Why seats were not sold. */
public enum RejectionReason {
    /** The category had no seat left. */
    SOLD_OUT,
    /** The category had seats left, but fewer than asked for (quantities are all-or-nothing). */
    INSUFFICIENT_CAPACITY
}
