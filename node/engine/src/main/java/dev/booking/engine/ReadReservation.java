package dev.booking.engine;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.Inventory;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;

import java.util.Map;

/** Reads one reservation from an event's ledger; null when the event or the reservation is unknown. */
public final class ReadReservation implements EntryProcessor<String, Inventory, Reservation>, ReadOnly {
    private final ReservationId reservationId;

    public ReadReservation(ReservationId reservationId) {
        this.reservationId = reservationId;
    }

    ReservationId reservationId() {
        return reservationId;
    }

    @Override
    public Reservation process(Map.Entry<String, Inventory> entry) {
        Inventory inventory = entry.getValue();
        return inventory == null ? null : inventory.reservation(reservationId).orElse(null);
    }

    @Override
    public EntryProcessor<String, Inventory, Reservation> getBackupProcessor() {
        return null;
    }
}
