package dev.booking.pipelines;

import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.Change;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Merges what a round of changes says about the events of one bucket into that bucket of the events view
 * or of the figures view ({@link EventViewBucket}), each event's value by the value's own merge
 * ({@link AvailabilityView#merge}, {@link SalesFigures#merge}): commutative, associative and idempotent,
 * so the view does not depend on the order of the changes or on their duplicates. A backup replica runs
 * the same merge on its own copy.
 *
 * <p>Why a call per bucket and not Jet's {@code mapWithMerging}: that sink sends each partition's items as
 * a call on several keys, and such a call costs its caller a pass over every partition of the cluster
 * when it completes (see client/BENCHMARKS.md).
 */
final class UpdateEventView implements EntryProcessor<String, EventViewBucket, Void> {
    private final String bucket;
    private final List<EventViewValue> values;

    UpdateEventView(String bucket, List<EventViewValue> values) {
        this.bucket = bucket;
        this.values = List.copyOf(values);
    }

    /** One update per bucket the changes touch, in bucket order, with each change's value for the view. */
    static List<UpdateEventView> of(List<Change> changes, Function<Change, ? extends EventViewValue> view) {
        List<EventViewValue> values = new ArrayList<>(changes.size());
        changes.forEach(change -> values.add(view.apply(change)));
        return ofValues(values);
    }

    /** One update per bucket the values fall into, in bucket order. */
    static List<UpdateEventView> ofValues(Collection<? extends EventViewValue> values) {
        SortedMap<Integer, List<EventViewValue>> byBucket = new TreeMap<>();
        for (EventViewValue value : values) {
            byBucket.computeIfAbsent(EventViewBucket.bucketOf(value.eventId()), b -> new ArrayList<>()).add(value);
        }
        List<UpdateEventView> updates = new ArrayList<>(byBucket.size());
        byBucket.forEach((bucket, inBucket) -> updates.add(new UpdateEventView(EventViewBucket.keyOf(bucket), inBucket)));
        return updates;
    }

    String bucket() {
        return bucket;
    }

    List<EventViewValue> values() {
        return values;
    }

    @Override
    public Void process(Map.Entry<String, EventViewBucket> entry) {
        EventViewBucket current = entry.getValue() == null ? new EventViewBucket() : entry.getValue();
        values.forEach(current::merge);
        entry.setValue(current);
        return null;
    }

    static EventViewValue merged(EventViewValue held, EventViewValue given) {
        if (held instanceof AvailabilityView a && given instanceof AvailabilityView b) {
            return AvailabilityView.merge(a, b);
        }
        if (held instanceof SalesFigures a && given instanceof SalesFigures b) {
            return SalesFigures.merge(a, b);
        }
        throw new IllegalArgumentException("cannot merge " + given.getClass().getSimpleName() + " into "
                + held.getClass().getSimpleName());
    }

    @Override
    public EntryProcessor<String, EventViewBucket, Void> getBackupProcessor() {
        return this;
    }

    @Override
    public String toString() {
        return "UpdateEventView[bucket " + bucket + ", " + values.size() + " events]";
    }
}
