package dev.booking.pipelines;

import dev.booking.domain.Change;
import dev.booking.domain.EventAvailability;
import dev.booking.domain.EventId;

/**
 * An event's seats as the query side holds them (map {@value ViewMaps#EVENTS}, in its {@link EventViewBucket}): the
 * event right after the change numbered {@code sequence}, which was published at {@code asOfMillis}.
 *
 * <p>{@link #merge} keeps the state at the higher sequence, so a late or redelivered change is ignored and
 * the view ends at the newest change it received, whatever the order of arrival.
 */
public record AvailabilityView(EventAvailability availability, long sequence, long asOfMillis) implements EventViewValue {

    public static AvailabilityView of(Change change) {
        return new AvailabilityView(change.availability(), change.sequence(), change.atMillis());
    }

    public EventId eventId() {
        return availability.id();
    }

    public static AvailabilityView merge(AvailabilityView a, AvailabilityView b) {
        return Sequenced.firstIsNewer(a.sequence, a.asOfMillis, b.sequence, b.asOfMillis) ? a : b;
    }
}
