package dev.booking.domain;

/** Why seats were not sold. */
public enum RejectionReason {
    /** The category had no seat left. */
    SOLD_OUT,
    /** The category had seats left, but fewer than asked for (quantities are all-or-nothing). */
    INSUFFICIENT_CAPACITY,
    /**
     * The request was accepted for a later decision (the asynchronous intake), and before it was decided the
     * event changed so that it no longer allows it: its category was removed, or a reservation may now
     * hold fewer seats than it asks for. (Last, so that the ordinals on the wire stay as they were.)
     */
    EVENT_CHANGED
}
