package dev.booking.engine;

import dev.booking.domain.Inventory;

/** How many reservations an event's ledger holds (to decide how many shares to read it in). */
final class CountReservations extends InventoryRead<Integer> {
    @Override
    Integer read(Inventory inventory) {
        return inventory.reservationCount();
    }
}
