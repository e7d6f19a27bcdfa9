package dev.booking.pipelines;

import dev.booking.domain.CustomerId;

import java.util.List;

/**
 * A customer's reservations over all events (map {@value ViewMaps#CUSTOMERS}, key: the customer id), each
 * at the most advanced status seen, sorted by event and reservation id.
 *
 * <p>Lists are merged into a customer's list by {@link CustomerBucket#add}: a union keyed by (event,
 * reservation) that keeps the more advanced line, so a change delivered twice or late never moves a
 * reservation back. The list holds only what a customer's page shows; nothing is duplicated from the
 * event views.
 */
public record CustomerReservations(CustomerId customerId, List<CustomerReservation> reservations) {
    public CustomerReservations {
        reservations = List.copyOf(reservations);
    }

    /** When the newest change this list includes was published; 0 when it is empty. */
    public long asOfMillis() {
        return reservations.stream().mapToLong(CustomerReservation::atMillis).max().orElse(0);
    }
}
