package dev.booking.engine;

import dev.booking.domain.Decision;
import dev.booking.domain.EventId;
import dev.booking.domain.Reservation;

import java.util.Optional;

final class Refusals {
    private Refusals() {
    }

    static Decision eventNotFound(EventId eventId) {
        return new Decision.Refused(Decision.Refusal.EVENT_NOT_FOUND, "event '" + eventId + "' does not exist");
    }

    /** The reservation a decision is about, new or replayed; empty for a conflict or refusal. */
    static Optional<Reservation> decidedReservation(Decision decision) {
        if (decision instanceof Decision.Confirmed c) {
            return Optional.of(c.reservation());
        }
        if (decision instanceof Decision.Rejected r) {
            return Optional.of(r.reservation());
        }
        return Optional.empty();
    }

    /** The reservation a decision recorded just now (the inventory changed), or empty for a replay or refusal. */
    static Optional<Reservation> newlyDecided(Decision decision) {
        if (decision instanceof Decision.Confirmed c && !c.replay()) {
            return Optional.of(c.reservation());
        }
        if (decision instanceof Decision.Rejected r && !r.replay()) {
            return Optional.of(r.reservation());
        }
        return Optional.empty();
    }
}
