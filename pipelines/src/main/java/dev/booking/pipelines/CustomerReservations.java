package dev.booking.pipelines;

import dev.booking.domain.Change;
import dev.booking.domain.CustomerId;
import dev.booking.domain.Reservation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** The lists one change brings, one per customer it touched. */
    public static List<CustomerReservations> of(Change change) {
        Map<String, List<CustomerReservation>> byCustomer = new TreeMap<>();
        for (Reservation reservation : change.reservations()) {
            byCustomer.computeIfAbsent(reservation.customerId().value(), id -> new ArrayList<>())
                    .add(CustomerReservation.of(reservation, change.atMillis()));
        }
        List<CustomerReservations> lists = new ArrayList<>(byCustomer.size());
        byCustomer.forEach((customer, lines) -> {
            lines.sort(CustomerReservation.ORDER);
            lists.add(new CustomerReservations(new CustomerId(customer), lines));
        });
        return lists;
    }

    /** When the newest change this list includes was published; 0 when it is empty. */
    public long asOfMillis() {
        return reservations.stream().mapToLong(CustomerReservation::atMillis).max().orElse(0);
    }
}
