package dev.booking.engine;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.booking.domain.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Publishes every change of the command side into a journaled map, where the query-side pipelines
 * read it. Fire and forget: a change lost here (the publisher crashed between the decision and this
 * write) is found by reconciliation and repaired by republishing from the ledger; the sequence numbers
 * make every view ignore what it has already applied.
 */
public final class ChangeLog {
    public static final String CHANGES_MAP = "booking.changes";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeLog.class);

    private final IMap<String, Change> changes;
    private final Clock clock;

    public ChangeLog(HazelcastInstance hazelcast, Clock clock) {
        this.changes = hazelcast.getMap(CHANGES_MAP);
        this.clock = clock;
    }

    public void publish(Change change) {
        publish(change, clock.millis());
    }

    /** Publishes a change stamped with the given time (when it was made, as near as the publisher knows). */
    void publish(Change change, long atMillis) {
        if (change == null) {
            return;
        }
        Change stamped = change.at(atMillis);
        Futures.plain(changes.setAsync(stamped.key(), stamped)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.warn("change {} of event {} not published ({}); reconciliation will repair the views",
                        stamped.sequence(), stamped.eventId(), failure.toString());
            }
        });
    }
}
