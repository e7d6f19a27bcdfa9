package dev.booking.pipelines;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Merges what one change says about an event into that event's entry of the events view or the figures
 * view, by the value's own merge ({@link AvailabilityView#merge}, {@link SalesFigures#merge}): commutative,
 * associative and idempotent, so the view does not depend on the order of the changes or on their
 * duplicates. A backup replica runs the same merge on its own copy.
 *
 * <p>Why a call per event and not Jet's {@code mapWithMerging}: that sink sends each partition's items as
 * a call on several keys, and such a call costs its caller a pass over every partition of the cluster
 * when it completes. Under many events a round of changes touches most partitions, so those passes took
 * more of the node than the merges did (see client/BENCHMARKS.md).
 */
final class UpdateEventView implements EntryProcessor<String, EventViewValue, Void> {
    private final EventViewValue value;

    UpdateEventView(EventViewValue value) {
        this.value = value;
    }

    EventViewValue value() {
        return value;
    }

    String eventKey() {
        return value.eventId().value();
    }

    @Override
    public Void process(Map.Entry<String, EventViewValue> entry) {
        EventViewValue held = entry.getValue();
        entry.setValue(held == null ? value : merged(held, value));
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
    public EntryProcessor<String, EventViewValue, Void> getBackupProcessor() {
        return this;
    }

    @Override
    public String toString() {
        return "UpdateEventView[" + value.getClass().getSimpleName() + " of " + eventKey() + "]";
    }
}
