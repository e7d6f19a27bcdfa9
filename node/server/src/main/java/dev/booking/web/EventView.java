package dev.booking.web;

import dev.booking.domain.EventAvailability;

import java.time.Instant;
import java.util.List;

/** An event with its seats, as the API shows it. */
record EventView(String id, String name, Instant startsAt, int maxPerReservation, List<CategoryView> categories) {

    record CategoryView(String id, int capacity, int confirmed, int available) {
    }

    static EventView of(EventAvailability event) {
        return new EventView(event.id().value(), event.name(), event.startsAt(), event.maxPerReservation(),
                event.categories().stream()
                        .map(c -> new CategoryView(c.id().value(), c.capacity(), c.confirmed(), c.available()))
                        .toList());
    }
}
