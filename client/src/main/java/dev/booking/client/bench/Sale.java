package dev.booking.client.bench;

import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.CategoryId;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;

import java.util.ArrayList;
import java.util.List;

/** The events on sale in one run: each with one category of the same number of seats. */
record Sale(List<EventId> events, CategoryId category, int seatsPerEvent, int maxPerReservation) {
    static final CategoryId FLOOR = CategoryId.of("floor");

    Sale {
        events = List.copyOf(events);
    }

    static Sale of(String prefix, int eventCount, int seatsPerEvent, int maxPerReservation) {
        List<EventId> events = new ArrayList<>(eventCount);
        for (int i = 0; i < eventCount; i++) {
            events.add(EventId.of(eventCount == 1 ? prefix : prefix + "-" + i));
        }
        return new Sale(events, FLOOR, seatsPerEvent, maxPerReservation);
    }

    /** C: every seat of every event. */
    long totalSeats() {
        return (long) seatsPerEvent * events.size();
    }

    EventDefinition definition(EventId event) {
        return new EventDefinition(event, "Benchmark " + event, null,
                List.of(new CategoryDefinition(category, seatsPerEvent)), maxPerReservation);
    }
}
