package dev.booking.engine;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.Change;
import dev.booking.domain.Inventory;
import dev.booking.domain.Reservation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole truth of one event as a change: every reservation in the ledger and the counts, at the
 * current sequence. Used to rebuild and to reconcile the query side; it moves the whole ledger, so it
 * is an administrative read, never part of a sale.
 */
public final class ReadWholeEvent implements EntryProcessor<String, Inventory, Change>, ReadOnly {

    @Override
    public Change process(Map.Entry<String, Inventory> entry) {
        Inventory inventory = entry.getValue();
        if (inventory == null) {
            return null;
        }
        List<Reservation> all = new ArrayList<>(inventory.reservationCount());
        inventory.forEachReservation(all::add);
        return inventory.change(all);
    }

    @Override
    public EntryProcessor<String, Inventory, Change> getBackupProcessor() {
        return null;
    }
}
