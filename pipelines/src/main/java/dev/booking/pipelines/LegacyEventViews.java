package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.booking.domain.EventId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * An event's value in an old map, while that map still exists (during an upgrade, until the first repair
     * folds it): so that a node of the new build does not answer 404 for an event its buckets do not hold
     * yet. Empty when the map is gone (checked first, so that a read does not bring it back, short of a
     * repair destroying it between the check and the read: then the repair after it destroys the empty map).
     */
    static <V extends EventViewValue> Optional<V> read(HazelcastInstance hazelcast, String legacyName, EventId event,
                                                       Class<V> type) {
        if (!exists(hazelcast, legacyName)) {
            return Optional.empty();
        }
        Object value = hazelcast.getMap(legacyName).get(event.value());
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    /** Every value of an old map, by event id, while it exists; empty when it is gone. */
    static <V extends EventViewValue> Map<String, V> readAll(HazelcastInstance hazelcast, String legacyName, Class<V> type) {
        if (!exists(hazelcast, legacyName)) {
            return Map.of();
        }
        IMap<String, Object> legacy = hazelcast.getMap(legacyName);
        Map<String, V> all = new HashMap<>();
        legacy.getAll(legacy.keySet()).forEach((event, value) -> {
            if (type.isInstance(value)) {
                all.put(event, type.cast(value));
            }
        });
        return all;
    }

    /** Folds whichever of the two old maps exists into its buckets, and destroys it; returns the entries folded. */
    static int fold(HazelcastInstance hazelcast) {
        return fold(hazelcast, EVENTS, ViewMaps.EVENTS) + fold(hazelcast, FIGURES, ViewMaps.FIGURES);
    }

    private static int fold(HazelcastInstance hazelcast, String legacyName, String bucketedName) {
        if (!exists(hazelcast, legacyName)) {
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

    /** Whether either old map exists. */
    static boolean anyExists(HazelcastInstance hazelcast) {
        return exists(hazelcast, EVENTS, FIGURES);
    }

    /** Whether a map of one of these names exists (a scan of the cluster's objects: on a client, a call). */
    private static boolean exists(HazelcastInstance hazelcast, String... names) {
        List<String> wanted = List.of(names);
        return hazelcast.getDistributedObjects().stream()
                .anyMatch(object -> object instanceof IMap<?, ?> && wanted.contains(object.getName()));
    }
}
