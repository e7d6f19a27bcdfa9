package dev.booking.engine;

import dev.booking.domain.Decision;
import dev.booking.domain.Inventory;
import dev.booking.domain.ReservationRequest;

/** What a request would get without a new decision (replay, conflict, refusal); null if it needs one. */
public final class CheckReservation extends InventoryRead<Decision> {
    private final ReservationRequest request;

    public CheckReservation(ReservationRequest request) {
        this.request = request;
    }

    ReservationRequest request() {
        return request;
    }

    @Override
    Decision read(Inventory inventory) {
        return inventory.check(request).orElse(null);
    }

    @Override
    Decision whenNoEvent() {
        return Refusals.eventNotFound(request.eventId());
    }
}
