package dev.booking.domain;

/**
 * The answer to a reservation request. A sold-out category is an outcome, not an exception.
 * A replay (the same reservation id asking for the same thing again) carries the original decision
 * and the reservation as it stands now (it may have been cancelled since).
 */
public sealed interface Decision {

    /** The seats are sold to this reservation. */
    record Confirmed(Reservation reservation, boolean replay) implements Decision {
    }

    /** No seats were sold; the reservation records why. */
    record Rejected(Reservation reservation, boolean replay) implements Decision {
    }

    /** Accepted (durably) but not decided yet: the asynchronous intake will decide it. */
    record Pending(Reservation reservation) implements Decision {
    }

    /** The reservation id is taken by a reservation that asked for something else; nothing changed. */
    record Conflict(Reservation existing) implements Decision {
    }

    /** The request cannot be decided as it stands (unknown event or category, too many seats at once). */
    record Refused(Refusal refusal, String detail) implements Decision {
    }

    enum Refusal {
        EVENT_NOT_FOUND, UNKNOWN_CATEGORY, QUANTITY_ABOVE_LIMIT
    }

    /**
     * This decision, marked as a replay or not: what a caller that handed the request to the intake itself
     * answers, whoever decided it (the intake's decider may have been first; the caller's own attempt then
     * reads as a replay). Only a confirmation or a rejection carries the mark.
     */
    default Decision asReplay(boolean replay) {
        if (this instanceof Confirmed confirmed) {
            return new Confirmed(confirmed.reservation(), replay);
        }
        if (this instanceof Rejected rejected) {
            return new Rejected(rejected.reservation(), replay);
        }
        return this;
    }

    static Decision of(Reservation reservation, boolean replay) {
        return reservation.wasConfirmed() ? new Confirmed(reservation, replay) : new Rejected(reservation, replay);
    }
}
