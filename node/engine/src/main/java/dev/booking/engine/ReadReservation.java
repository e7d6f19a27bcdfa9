package dev.booking.engine;

import dev.booking.domain.Inventory;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;

/** Reads one reservation from an event's ledger; null when the event or the reservation is unknown. */
public final class ReadReservation extends InventoryRead<Reservation> {
    private final ReservationId reservationId;

    public ReadReservation(ReservationId reservationId) {
        this.reservationId = reservationId;
    }

    ReservationId reservationId() {
        return reservationId;
    }

    @Override
    Reservation read(Inventory inventory) {
        return inventory.reservation(reservationId).orElse(null);
    }
}
