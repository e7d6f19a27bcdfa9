package dev.booking.engine;

import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.Inventory;
import dev.booking.domain.Revision;

import java.util.List;
import java.util.Map;

/** Creates an event, or revises it without ever taking back seats that are sold. */
public final class DefineEvent implements EntryProcessor<String, Inventory, Recorded<Revision>> {
    private final EventDefinition definition;

    public DefineEvent(EventDefinition definition) {
        this.definition = definition;
    }

    EventDefinition definition() {
        return definition;
    }

    @Override
    public Recorded<Revision> process(Map.Entry<String, Inventory> entry) {
        Inventory inventory = entry.getValue();
        if (inventory == null) {
            Inventory opened = Inventory.open(definition);
            entry.setValue(opened);
            return new Recorded<>(new Revision.Created(opened.availability()), opened.change(List.of()));
        }
        Revision revision = inventory.revise(definition);
        if (revision instanceof Revision.Updated) {
            entry.setValue(inventory);
            return new Recorded<>(revision, inventory.change(List.of()));
        }
        return new Recorded<>(revision, null);
    }
}
