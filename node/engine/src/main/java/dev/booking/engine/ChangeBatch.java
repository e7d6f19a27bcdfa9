package dev.booking.engine;

import dev.booking.domain.Change;

import java.util.List;

/**
 * The changes one member published together: one entry of {@value ChangeLog#CHANGES_MAP} (and of its
 * journal) per outbox round, not one per event. A busy evening of many small events otherwise costs one
 * map write, one journal slot and one pipeline item per event per round; now it costs one of each per
 * round. The changes are independent of one another: the views merge each on its own.
 */
public record ChangeBatch(List<Change> changes) {
    public ChangeBatch {
        changes = List.copyOf(changes);
    }
}
