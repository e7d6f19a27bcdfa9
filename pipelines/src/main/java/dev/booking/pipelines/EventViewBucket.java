package dev.booking.pipelines;

import com.hazelcast.map.IMap;
import dev.booking.domain.EventId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One entry of the events view ({@value ViewMaps#EVENTS}) or of the figures view ({@value ViewMaps#FIGURES}):
 * the views of the events whose ids fall into this bucket, by event id. Each view has {@value #COUNT}
 * buckets, keyed {@code "0"} to {@code "66"}.
 *
 * <p>Why buckets and not one entry per event: on a busy evening of many small events, a round of changes
 * touches hundreds of events, and one entry per event meant one partition operation per event and view
 * each round, more than the decisions themselves took. With buckets a round costs at most {@value #COUNT}
 * updates per view, however many events it touches; an on-sale of one event still costs one. An event's
 * value is merged in place by its view's own merge ({@link UpdateEventView#merged}), so a bucket is as
 * commutative, associative and idempotent as the values it holds.
 *
 * <p>Like {@link CustomerBucket}, it is changed in place (in-memory format OBJECT) and relies on Hazelcast
 * handling an OBJECT value only on its partition's thread: read it by key ({@link #read}, {@link #readAll}),
 * never by a query such as {@code values()}, which may copy it on
 * another thread while it changes. The count is fixed for a cluster: a cluster upgraded from a build with
 * another count must rebuild these views once every member runs the new build.
 */
public final class EventViewBucket {
    public static final int COUNT = 67;

    private final Map<String, EventViewValue> byEvent;

    public EventViewBucket() {
        this(new HashMap<>());
    }

    private EventViewBucket(Map<String, EventViewValue> byEvent) {
        this.byEvent = byEvent;
    }

    public static String keyOf(EventId event) {
        return keyOf(bucketOf(event));
    }

    /** The number of the bucket that holds an event's view, 0 to {@value #COUNT} - 1. */
    public static int bucketOf(EventId event) {
        return Math.floorMod(event.value().hashCode(), COUNT);
    }

    static String keyOf(int bucket) {
        return Integer.toString(bucket);
    }

    /** The keys of every bucket. */
    static Set<String> keys() {
        Set<String> keys = new HashSet<>();
        for (int bucket = 0; bucket < COUNT; bucket++) {
            keys.add(keyOf(bucket));
        }
        return keys;
    }

    /** Merges an event's value into what this bucket holds for that event, in place. */
    void merge(EventViewValue value) {
        byEvent.merge(value.eventId().value(), value, UpdateEventView::merged);
    }

    /**
     * Replaces an event's value with {@code replacement} (or takes it out, if null) if the bucket holds
     * exactly {@code seen}; a value that changed since it was read stays.
     *
     * @return whether it was replaced
     */
    boolean replaceIfHeld(EventViewValue seen, EventViewValue replacement) {
        String event = seen.eventId().value();
        return replacement == null ? byEvent.remove(event, seen) : byEvent.replace(event, seen, replacement);
    }

    public Optional<EventViewValue> view(EventId event) {
        return Optional.ofNullable(byEvent.get(event.value()));
    }

    public Collection<EventViewValue> views() {
        return List.copyOf(byEvent.values());
    }

    /** A copy with each event's value mapped. */
    EventViewBucket mapped(UnaryOperator<EventViewValue> mapping) {
        Map<String, EventViewValue> copy = new HashMap<>();
        byEvent.forEach((event, value) -> copy.put(event, mapping.apply(value)));
        return new EventViewBucket(copy);
    }

    /** One event's value in a bucketed view, read on its bucket's owner ({@link ReadEventView}): only that value travels. */
    static <V extends EventViewValue> Optional<V> read(IMap<String, EventViewBucket> view, EventId event, Class<V> type) {
        return Optional.ofNullable(type.cast(view.executeOnKey(keyOf(event), new ReadEventView(event))));
    }

    /** Every event's value in a bucketed view, by event id: every bucket read by key, on its owner. */
    static <V extends EventViewValue> Map<String, V> readAll(IMap<String, EventViewBucket> view, Class<V> type) {
        Map<String, V> all = new HashMap<>();
        for (EventViewBucket bucket : view.getAll(keys()).values()) {
            bucket.byEvent.forEach((event, value) -> all.put(event, type.cast(value)));
        }
        return all;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventViewBucket bucket && byEvent.equals(bucket.byEvent);
    }

    @Override
    public int hashCode() {
        return byEvent.hashCode();
    }

    @Override
    public String toString() {
        return "EventViewBucket" + new ArrayList<>(byEvent.keySet());
    }
}
