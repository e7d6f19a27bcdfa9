package dev.booking.domain;

/**
 * A client's request for seats. The client chooses the reservation id; sending the same request again
 * (a retry, a redelivery) is how it learns the decision it was already given.
 */
public record ReservationRequest(EventId eventId, ReservationId reservationId, CategoryId category,
                                 CustomerId customerId, int quantity) {
    /** No event allows more than this; each event has its own, smaller limit (maxPerReservation). */
    public static final int MAX_QUANTITY = 1000;

    public ReservationRequest {
        if (eventId == null) {
            throw new InvalidInput("eventId", "is required");
        }
        if (reservationId == null) {
            throw new InvalidInput("reservationId", "is required");
        }
        if (category == null) {
            throw new InvalidInput("category", "is required");
        }
        if (customerId == null) {
            throw new InvalidInput("customerId", "is required");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidInput("quantity", "must be between 1 and the event's maxPerReservation");
        }
    }

    /** Whether this request asks for exactly what an earlier reservation with the same id asked for. */
    boolean asksFor(Reservation earlier) {
        return earlier.category().equals(category)
                && earlier.customerId().equals(customerId)
                && earlier.quantity() == quantity;
    }
}
