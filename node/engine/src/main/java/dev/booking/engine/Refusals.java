package dev.booking.engine;

import dev.booking.domain.Decision;
import dev.booking.domain.EventId;

final class Refusals {
    private Refusals() {
    }

    static Decision eventNotFound(EventId eventId) {
        return new Decision.Refused(Decision.Refusal.EVENT_NOT_FOUND, "event '" + eventId + "' does not exist");
    }

    /** Whether the decision was taken just now, so that the inventory changed. */
    static boolean isNewDecision(Decision decision) {
        return decision instanceof Decision.Confirmed c && !c.replay()
                || decision instanceof Decision.Rejected r && !r.replay();
    }
}
