package dev.booking.engine;

import dev.booking.domain.Change;
import dev.booking.domain.Inventory;

/**
 * The whole truth of one event as a change: every reservation in the ledger and the counts, at the
 * current sequence. Used to rebuild and to reconcile the query side; it moves the whole ledger, so it
 * is an administrative read, never part of a sale.
 */
public final class ReadWholeEvent extends InventoryRead<Change> {
    @Override
    Change read(Inventory inventory) {
        return ReadEventShare.read(inventory, 0, 1);
    }
}
