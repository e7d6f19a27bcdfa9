package dev.booking.pipelines;

import dev.booking.domain.Change;
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
    private final Map<Integer, List<Reservation>> expected = new HashMap<>();

    ListsToRebuild(Iterable<Change> truth, Set<Integer> buckets) {
        buckets.forEach(bucket -> expected.put(bucket, new ArrayList<>()));
        for (Change event : truth) {
            for (Reservation reservation : event.reservations()) {
                List<Reservation> lines = expected.get(CustomerBucket.bucketOf(reservation.customerId()));
                if (lines != null) {
                    lines.add(reservation);
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
        expected.forEach((bucket, lines) -> {
            if (lines.stream().allMatch(reservation -> holds(held.get(bucket), reservation))) {
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

    private static boolean holds(CustomerBucket bucket, Reservation reservation) {
        CustomerReservations list = bucket == null ? null : bucket.list(reservation.customerId());
        return list != null && list.reservations().stream().anyMatch(line ->
                line.eventId().equals(reservation.eventId()) && line.reservationId().equals(reservation.id())
                        && line.status().rank() >= reservation.status().rank());
    }
}
