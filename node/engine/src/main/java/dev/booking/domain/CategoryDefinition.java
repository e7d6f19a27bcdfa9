package dev.booking.domain;

/** A category of an event and how many seats it has in all. */
public record CategoryDefinition(CategoryId id, int capacity) {
    public static final int MAX_CAPACITY = 1_000_000_000;

    public CategoryDefinition {
        if (id == null) {
            throw new InvalidInput("categories[].id", "is required");
        }
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new InvalidInput("categories[].capacity", "must be between 0 and " + MAX_CAPACITY);
        }
    }
}
