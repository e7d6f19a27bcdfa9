package dev.booking.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.booking.domain.EventAvailability;

import java.time.Instant;
import java.util.List;

/**
 * An event with its seats, as the API shows it. Read from the query side it also says how fresh it is:
 * {@code asOf} (the newest change included) and {@code sequence} (how many changes of the event).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventView(String id, String name, Instant startsAt, int maxPerReservation, List<CategoryView> categories,
                 Instant asOf, Long sequence) {

    record CategoryView(String id, int capacity, int confirmed, int available) {
    }

    static EventView of(EventAvailability event) {
        return new EventView(event.id().value(), event.name(), event.startsAt(), event.maxPerReservation(),
                event.categories().stream()
                        .map(c -> new CategoryView(c.id().value(), c.capacity(), c.confirmed(), c.available()))
                        .toList(), null, null);
    }

    EventView freshness(Instant asOf, long sequence) {
        return new EventView(id, name, startsAt, maxPerReservation, categories, asOf, sequence);
    }
}
