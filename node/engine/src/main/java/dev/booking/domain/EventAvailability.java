package dev.booking.domain;

import java.time.Instant;
import java.util.List;

/** An event as a buyer sees it: its categories with capacity, confirmed seats and seats still available. */
public record EventAvailability(EventId id, String name, Instant startsAt, int maxPerReservation,
                                List<CategoryAvailability> categories) {
    public EventAvailability {
        categories = List.copyOf(categories);
    }

    public record CategoryAvailability(CategoryId id, int capacity, int confirmed) {
        public int available() {
            return capacity - confirmed;
        }
    }
}
