package dev.booking.domain;

/** The answer to defining an event: created, updated, or refused because it would break a sale. */
public sealed interface Revision {

    record Created(EventAvailability event) implements Revision {
    }

    record Updated(EventAvailability event) implements Revision {
    }

    /** Lowering a capacity below what is confirmed, or removing a category that has sales, is refused. */
    record Refused(String detail) implements Revision {
    }

    /**
     * More categories than an event can ever have ({@code Inventory.MAX_CATEGORIES_EVER}, counting those
     * it had and dropped) is refused.
     */
    record TooManyCategories(String detail) implements Revision {
    }
}
