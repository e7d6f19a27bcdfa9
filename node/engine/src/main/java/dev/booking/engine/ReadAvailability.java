package dev.booking.engine;

import dev.booking.domain.EventAvailability;
import dev.booking.domain.Inventory;

/** Reads an event's seat counts without moving its ledger over the network. */
public final class ReadAvailability extends InventoryRead<EventAvailability> {
    @Override
    EventAvailability read(Inventory inventory) {
        return inventory.availability();
    }
}
