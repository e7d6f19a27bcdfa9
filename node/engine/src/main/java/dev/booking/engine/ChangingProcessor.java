package dev.booking.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.Change;
import dev.booking.domain.Inventory;

import java.util.function.Consumer;

/**
 * An entry processor that changes an event's inventory and leaves the change for the query side in its
 * member's {@link ChangeOutbox}. Only the primary replica does: the copy that Hazelcast runs on a backup
 * replica ({@link #getBackupProcessor()}) decides the same, and records nothing.
 *
 * <p>Handing the change over is the only thing such a processor does besides deciding; it reads no
 * clock and does no I/O, and the decision never depends on it.
 */
abstract class ChangingProcessor<R> implements EntryProcessor<String, Inventory, R>, HazelcastInstanceAware {
    private final boolean onBackup;
    private transient Consumer<Change> outbox = change -> { };

    ChangingProcessor(boolean onBackup) {
        this.onBackup = onBackup;
    }

    boolean onBackup() {
        return onBackup;
    }

    /** Called by Hazelcast on the member that runs this processor, before it runs. */
    @Override
    public void setHazelcastInstance(HazelcastInstance member) {
        if (!onBackup) {
            outbox = ChangeOutbox.of(member)::add;
        }
    }

    /** Where the changes go when this processor runs outside Hazelcast (tests). */
    ChangingProcessor<R> recordingInto(Consumer<Change> changes) {
        this.outbox = changes;
        return this;
    }

    void record(Change change) {
        if (change != null && !onBackup) {
            outbox.accept(change);
        }
    }

    @Override
    public abstract ChangingProcessor<R> getBackupProcessor();
}
