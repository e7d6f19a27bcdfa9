package dev.booking.engine;

import dev.booking.domain.Cancellation;
import dev.booking.domain.Inventory;
import dev.booking.domain.ReservationId;

import java.util.List;
import java.util.Map;

/** Cancels one reservation of the event, returning its seats exactly once. */
public final class CancelReservation extends ChangingProcessor<Cancellation> {
    private final ReservationId reservationId;

    public CancelReservation(ReservationId reservationId) {
        this(reservationId, false);
    }

    CancelReservation(ReservationId reservationId, boolean onBackup) {
        super(onBackup);
        this.reservationId = reservationId;
    }

    ReservationId reservationId() {
        return reservationId;
    }

    @Override
    public Cancellation process(Map.Entry<String, Inventory> entry) {
        Inventory inventory = entry.getValue();
        if (inventory == null) {
            return new Cancellation.NotFound();
        }
        Cancellation cancellation = inventory.cancel(reservationId);
        if (cancellation instanceof Cancellation.Cancelled c) {
            if (!c.replay()) {
                entry.setValue(inventory);
            }
            // A repeated cancellation is recorded too, in case the first one's change was lost in a crash.
            record(inventory.change(List.of(c.reservation())));
        }
        return cancellation;
    }

    @Override
    public CancelReservation getBackupProcessor() {
        return new CancelReservation(reservationId, true);
    }
}
