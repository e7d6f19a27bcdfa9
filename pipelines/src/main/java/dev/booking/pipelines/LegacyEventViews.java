package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The events and figures views as builds before the event buckets kept them: one entry per event in
 * {@value #EVENTS} and {@value #FIGURES}. A cluster upgraded from such a build folds them into the
 * buckets ({@link EventViewBucket}) at its first repair or rebuild, by the views' own merges, and then
 * destroys them: the figures keep the history the ledger cannot give back (the moments categories first
 * sold out, the per-minute marks), and the old entries stop taking memory.
 *
 * <p>The old entries are immutable values, replaced whole by the old build's merges, so reading them
 * with {@code getAll} is safe while anything still writes them. The merges are idempotent: a fold that
 * is interrupted and run again changes nothing twice.
 */
final class LegacyEventViews {
    static final String EVENTS = "booking.view.events";
    static final String FIGURES = "booking.view.stats";
    private static final Logger LOG = LoggerFactory.getLogger(LegacyEventViews.class);

    private LegacyEventViews() {
    }

    /** Folds whichever of the two old maps exists into its buckets, and destroys it; returns the entries folded. */
    static int fold(HazelcastInstance hazelcast) {
        return fold(hazelcast, EVENTS, ViewMaps.EVENTS) + fold(hazelcast, FIGURES, ViewMaps.FIGURES);
    }

    private static int fold(HazelcastInstance hazelcast, String legacyName, String bucketedName) {
        boolean exists = hazelcast.getDistributedObjects().stream()
                .anyMatch(object -> object instanceof IMap<?, ?> && legacyName.equals(object.getName()));
        if (!exists) {
            return 0;
        }
        IMap<String, EventViewValue> legacy = hazelcast.getMap(legacyName);
        Map<String, EventViewValue> values = legacy.getAll(legacy.keySet());
        IMap<String, EventViewBucket> bucketed = hazelcast.getMap(bucketedName);
        for (UpdateEventView update : UpdateEventView.ofValues(values.values())) {
            bucketed.executeOnKey(update.bucket(), update);
        }
        legacy.destroy();
        LOG.info("folded {} events of {} (a build before the event buckets) into {}, and destroyed it",
                values.size(), legacyName, bucketedName);
        return values.size();
    }
}
