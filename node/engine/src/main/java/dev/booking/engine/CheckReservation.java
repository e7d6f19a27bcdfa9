package dev.booking.engine;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.Decision;
import dev.booking.domain.Inventory;
import dev.booking.domain.ReservationRequest;

import java.util.Map;

/** What a request would get without a new decision (replay, conflict, refusal); null if it needs one. */
public final class CheckReservation implements EntryProcessor<String, Inventory, Decision>, ReadOnly {
    private final ReservationRequest request;

    public CheckReservation(ReservationRequest request) {
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
        return inventory.check(request).orElse(null);
    }

    @Override
    public EntryProcessor<String, Inventory, Decision> getBackupProcessor() {
        return null;
    }
}
