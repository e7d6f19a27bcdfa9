package dev.booking.pipelines;

import dev.booking.domain.Change;
import dev.booking.domain.CustomerId;
import dev.booking.domain.Reservation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What lost customer buckets must hold again before they are whole: every reservation of their customers
 * in the truth a repair republished, at its status then or a later one (the buckets are read after the
 * truth, so they may be ahead of it, never behind once rebuilt). Keeps only the lines of those buckets.
 */
final class ListsToRebuild {
    /** Bucket → customer → the reservations the customer's list must hold. */
    private final Map<Integer, Map<CustomerId, List<Reservation>>> expected = new HashMap<>();

    ListsToRebuild(Iterable<Change> truth, Set<Integer> buckets) {
        buckets.forEach(bucket -> expected.put(bucket, new HashMap<>()));
        for (Change event : truth) {
            for (Reservation reservation : event.reservations()) {
                Map<CustomerId, List<Reservation>> customers = expected.get(CustomerBucket.bucketOf(reservation.customerId()));
                if (customers != null) {
                    customers.computeIfAbsent(reservation.customerId(), c -> new ArrayList<>()).add(reservation);
                }
            }
        }
    }

    Set<Integer> buckets() {
        return new TreeSet<>(expected.keySet());
    }

    /** Those of the buckets that hold every line expected of them. @param held bucket number → bucket (absent: empty) */
    Set<Integer> wholeIn(Map<Integer, CustomerBucket> held) {
        Set<Integer> whole = new TreeSet<>();
        expected.forEach((bucket, customers) -> {
            if (customers.entrySet().stream().allMatch(customer ->
                    holds(held.get(bucket), customer.getKey(), customer.getValue()))) {
                whole.add(bucket);
            }
        });
        return whole;
    }

    /** Forgets buckets found whole: they are not read again. */
    void forget(Set<Integer> whole) {
        expected.keySet().removeAll(whole);
    }

    boolean isDone() {
        return expected.isEmpty();
    }

    private static boolean holds(CustomerBucket bucket, CustomerId customer, List<Reservation> reservations) {
        CustomerReservations list = bucket == null ? null : bucket.list(customer);
        if (list == null) {
            return false;
        }
        Map<String, CustomerReservation> lines = new HashMap<>();
        list.reservations().forEach(line -> lines.put(line.eventId().value() + "/" + line.reservationId().value(), line));
        return reservations.stream().allMatch(reservation -> {
            CustomerReservation line = lines.get(reservation.eventId().value() + "/" + reservation.id().value());
            return line != null && line.status().rank() >= reservation.status().rank();
        });
    }
}
