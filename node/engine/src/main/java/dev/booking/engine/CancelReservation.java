package dev.booking.engine;

import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.Cancellation;
import dev.booking.domain.Inventory;
import dev.booking.domain.ReservationId;

import java.util.List;
import java.util.Map;

/** Cancels one reservation of the event, returning its seats exactly once. */
public final class CancelReservation implements EntryProcessor<String, Inventory, Recorded<Cancellation>> {
    private final ReservationId reservationId;

    public CancelReservation(ReservationId reservationId) {
        this.reservationId = reservationId;
    }

    ReservationId reservationId() {
        return reservationId;
    }

    @Override
    public Recorded<Cancellation> process(Map.Entry<String, Inventory> entry) {
        Inventory inventory = entry.getValue();
        if (inventory == null) {
            return new Recorded<>(new Cancellation.NotFound(), null);
        }
        Cancellation cancellation = inventory.cancel(reservationId);
        if (cancellation instanceof Cancellation.Cancelled c) {
            if (!c.replay()) {
                entry.setValue(inventory);
            }
            // A repeated cancellation republishes too, in case the first one's change was lost in a crash.
            return new Recorded<>(cancellation, inventory.change(List.of(c.reservation())));
        }
        return new Recorded<>(cancellation, null);
    }
}
