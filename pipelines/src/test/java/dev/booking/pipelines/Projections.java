package dev.booking.pipelines;

import dev.booking.domain.Change;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** The views as the pipeline's sinks compute them, folded in this JVM: one merge per delivered change. */
final class Projections {
    private Projections() {
    }

    static AvailabilityView event(Collection<Change> delivered) {
        return delivered.stream().map(AvailabilityView::of).reduce(AvailabilityView::merge).orElseThrow();
    }

    static SalesFigures figures(Collection<Change> delivered) {
        return delivered.stream().map(SalesFigures::of).reduce(SalesFigures::merge).orElseThrow();
    }

    static Map<String, CustomerReservations> customers(Collection<Change> delivered) {
        Map<String, CustomerReservations> views = new TreeMap<>();
        for (Change change : delivered) {
            for (CustomerReservations list : CustomerReservations.of(change)) {
                views.merge(list.customerId().value(), list, CustomerReservations::merge);
            }
        }
        return views;
    }

    /**
     * The changes shuffled, about a third of them delivered twice or three times (at least once, any
     * order), and some published again up to half an hour later (a rebuild's or a retry's republish).
     */
    static List<Change> redelivered(List<Change> changes, long seed) {
        Random random = new Random(seed);
        List<Change> delivered = new ArrayList<>(changes);
        for (Change change : changes) {
            for (int copies = random.nextInt(6) - 3; copies > 0; copies--) {
                delivered.add(change);
            }
            if (random.nextInt(6) == 0) {
                delivered.add(change.at(change.atMillis() + random.nextInt(1_800_000)));
            }
        }
        Collections.shuffle(delivered, random);
        return delivered;
    }
}
