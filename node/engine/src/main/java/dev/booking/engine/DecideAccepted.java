package dev.booking.engine;

import dev.booking.domain.Decision;
import dev.booking.domain.Inventory;
import dev.booking.domain.ReservationRequest;

import java.util.List;
import java.util.Map;

/**
 * Decides one request that the asynchronous intake accepted and the event, changed since, no longer allows
 * as it stands: recorded as rejected ({@code EVENT_CHANGED}) instead of refused, since its acceptance
 * promised a decision ({@link Inventory#decideAccepted}). Everything else is decided as usual.
 */
public final class DecideAccepted extends ChangingProcessor<Decision> {
    private final ReservationRequest request;

    public DecideAccepted(ReservationRequest request) {
        this(request, false);
    }

    DecideAccepted(ReservationRequest request, boolean onBackup) {
        super(onBackup);
        this.request = request;
    }

    ReservationRequest request() {
        return request;
    }

    @Override
    public Decision process(Map.Entry<String, Inventory> entry) {
        Inventory inventory = entry.getValue();
        if (inventory == null) {
            return Refusals.eventNotFound(request.eventId());
        }
        Decision decision = inventory.decideAccepted(request);
        Refusals.newlyDecided(decision).ifPresent(decided -> {
            entry.setValue(inventory);
            record(inventory.change(List.of(decided)));
        });
        return decision;
    }

    @Override
    public DecideAccepted getBackupProcessor() {
        return new DecideAccepted(request, true);
    }
}
