package dev.booking.engine;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.EventAvailability;
import dev.booking.domain.Inventory;

import java.util.Map;

/** Reads an event's seat counts without moving its ledger over the network. */
public final class ReadAvailability implements EntryProcessor<String, Inventory, EventAvailability>, ReadOnly {

    @Override
    public EventAvailability process(Map.Entry<String, Inventory> entry) {
        Inventory inventory = entry.getValue();
        return inventory == null ? null : inventory.availability();
    }

    @Override
    public EntryProcessor<String, Inventory, EventAvailability> getBackupProcessor() {
        return null;
    }
}
