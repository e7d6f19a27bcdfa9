package dev.booking.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * What an organiser says an event is: its name, when it starts (if it is known), its categories with
 * their capacity, and how many seats one reservation may take at most.
 */
public record EventDefinition(EventId id, String name, Instant startsAt, List<CategoryDefinition> categories,
                              int maxPerReservation) {
    public static final int DEFAULT_MAX_PER_RESERVATION = 10;
    public static final int MAX_CATEGORIES = 64;
    public static final int MAX_NAME_LENGTH = 200;

    public EventDefinition {
        if (id == null) {
            throw new InvalidInput("eventId", "is required");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInput("name", "is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInput("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (categories == null || categories.isEmpty()) {
            throw new InvalidInput("categories", "must name at least one category");
        }
        if (categories.size() > MAX_CATEGORIES) {
            throw new InvalidInput("categories", "must have at most " + MAX_CATEGORIES + " entries");
        }
        if (maxPerReservation < 1 || maxPerReservation > 1000) {
            throw new InvalidInput("maxPerReservation", "must be between 1 and 1000");
        }
        categories = List.copyOf(categories);
        var seen = new HashSet<CategoryId>();
        for (CategoryDefinition category : categories) {
            if (!seen.add(category.id())) {
                throw new InvalidInput("categories", "names category '" + category.id() + "' twice");
            }
        }
    }

    public EventDefinition(EventId id, String name, Instant startsAt, List<CategoryDefinition> categories) {
        this(id, name, startsAt, categories, DEFAULT_MAX_PER_RESERVATION);
    }
}
