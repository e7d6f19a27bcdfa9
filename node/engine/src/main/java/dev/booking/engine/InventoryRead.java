package dev.booking.engine;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.Inventory;

import java.util.Map;

/**
 * An entry processor that only reads an event's inventory, on the partition thread that owns it (where
 * the live object may be read safely). {@link ReadOnly}, with no backup copy: nothing changes.
 */
abstract class InventoryRead<R> implements EntryProcessor<String, Inventory, R>, ReadOnly {
    @Override
    public final R process(Map.Entry<String, Inventory> entry) {
        Inventory inventory = entry.getValue();
        return inventory == null ? whenNoEvent() : read(inventory);
    }

    abstract R read(Inventory inventory);

    /** The answer when the event does not exist: null unless a reader says otherwise. */
    R whenNoEvent() {
        return null;
    }

    @Override
    public final EntryProcessor<String, Inventory, R> getBackupProcessor() {
        return null;
    }
}
