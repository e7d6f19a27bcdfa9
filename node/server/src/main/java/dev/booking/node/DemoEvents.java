package dev.booking.node;

import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.CategoryId;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.engine.BoxOffice;

import java.time.Instant;
import java.util.List;

/** A few sample events so that the README's curl walk-through works on a fresh node. */
final class DemoEvents {
    static final List<EventDefinition> ALL = List.of(
            new EventDefinition(EventId.of("concert-2026-12-31"), "New Year's Eve Concert",
                    Instant.parse("2026-12-31T20:00:00Z"),
                    List.of(category("floor", 5000), category("balcony", 1200)), 6),
            new EventDefinition(EventId.of("cinema-hall-3-2026-12-24-2015"), "Screening, hall 3",
                    Instant.parse("2026-12-24T20:15:00Z"), List.of(category("seat", 120)), 10),
            new EventDefinition(EventId.of("bistro-2026-12-24"), "Bistro, Christmas Eve", null,
                    List.of(category("19:30", 12), category("21:30", 12)), 8));

    private DemoEvents() {
    }

    /** Defines each sample event that does not exist yet; leaves existing ones (and their sales) alone. */
    static void load(BoxOffice boxOffice) {
        for (EventDefinition event : ALL) {
            if (boxOffice.availability(event.id()).join().isEmpty()) {
                boxOffice.define(event).join();
            }
        }
    }

    private static CategoryDefinition category(String id, int capacity) {
        return new CategoryDefinition(CategoryId.of(id), capacity);
    }
}
