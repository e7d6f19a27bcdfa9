package dev.booking.engine;

import dev.booking.domain.EventDefinition;
import dev.booking.domain.Inventory;
import dev.booking.domain.Revision;

import java.util.List;
import java.util.Map;

/** Creates an event, or revises it without ever taking back seats that are sold. */
public final class DefineEvent extends ChangingProcessor<Revision> {
    private final EventDefinition definition;

    public DefineEvent(EventDefinition definition) {
        this(definition, false);
    }

    DefineEvent(EventDefinition definition, boolean onBackup) {
        super(onBackup);
        this.definition = definition;
    }

    EventDefinition definition() {
        return definition;
    }

    @Override
    public Revision process(Map.Entry<String, Inventory> entry) {
        Inventory inventory = entry.getValue();
        if (inventory == null) {
            Inventory opened = Inventory.open(definition);
            entry.setValue(opened);
            record(opened.change(List.of()));
            return new Revision.Created(opened.availability());
        }
        Revision revision = inventory.revise(definition);
        if (revision instanceof Revision.Updated) {
            entry.setValue(inventory);
            record(inventory.change(List.of()));
        }
        return revision;
    }

    @Override
    public DefineEvent getBackupProcessor() {
        return new DefineEvent(definition, true);
    }
}
