package dev.booking.web;

import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.CategoryId;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;

import java.util.ArrayList;
import java.util.List;

/** The body of {@code PUT /events/{eventId}}. */
record EventBody(String name, String startsAt, List<CategoryBody> categories, Integer maxPerReservation) {

    record CategoryBody(String id, Integer capacity) {
    }

    EventDefinition toDefinition(EventId id) {
        Edge.require("name", name);
        Edge.require("categories", categories);
        List<CategoryDefinition> definitions = new ArrayList<>(categories.size());
        for (int i = 0; i < categories.size(); i++) {
            CategoryBody category = Edge.require("categories[" + i + "]", categories.get(i));
            Edge.require("categories[" + i + "].id", category.id());
            Edge.require("categories[" + i + "].capacity", category.capacity());
            definitions.add(new CategoryDefinition(Edge.id("categories[" + i + "].id", category.id(), CategoryId::new),
                    category.capacity()));
        }
        int max = maxPerReservation == null ? EventDefinition.DEFAULT_MAX_PER_RESERVATION : maxPerReservation;
        return new EventDefinition(id, name, startsAt == null ? null : Edge.instant("startsAt", startsAt), definitions, max);
    }
}
