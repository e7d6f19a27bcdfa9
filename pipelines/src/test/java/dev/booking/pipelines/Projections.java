package dev.booking.pipelines;

import dev.booking.domain.Change;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The views as the pipeline's sinks compute them, folded in this JVM: the sinks' functions per delivered change. */
final class Projections {
    private Projections() {
    }

    static AvailabilityView event(Collection<Change> delivered) {
        return delivered.stream().map(AvailabilityView::of).reduce(AvailabilityView::merge).orElseThrow();
    }

    static SalesFigures figures(Collection<Change> delivered) {
        return delivered.stream().map(SalesFigures::of).reduce(SalesFigures::merge).orElseThrow();
    }

    /** Each customer's list, folded the way the sink folds it: bucket updates applied in place. */
    static Map<String, CustomerReservations> customers(Collection<Change> delivered) {
        return customersOfBatches(delivered.stream().map(List::of).toList());
    }

    /** The same, for changes delivered in batches (one bucket update per bucket a batch touches). */
    static Map<String, CustomerReservations> customersOfBatches(Collection<List<Change>> delivered) {
        Map<String, CustomerBucket> buckets = new HashMap<>();
        for (List<Change> batch : delivered) {
            for (UpdateCustomerBucket update : UpdateCustomerBucket.of(batch)) {
                var entry = new AbstractMap.SimpleEntry<>(update.bucket(), buckets.get(update.bucket()));
                update.process(entry);
                buckets.put(update.bucket(), entry.getValue());
            }
        }
        Map<String, CustomerReservations> views = new TreeMap<>();
        buckets.forEach((key, bucket) -> bucket.lists().forEach(list -> {
            assertThat(CustomerBucket.keyOf(list.customerId())).isEqualTo(key);
            views.put(list.customerId().value(), list);
        }));
        return views;
    }

    /** The changes in order, cut into batches of 1 to 7, as members' outboxes publish them. */
    static List<List<Change>> inBatches(List<Change> changes, long seed) {
        Random sizes = new Random(seed);
        List<List<Change>> batches = new ArrayList<>();
        for (int from = 0; from < changes.size(); ) {
            int to = Math.min(changes.size(), from + 1 + sizes.nextInt(7));
            batches.add(changes.subList(from, to));
            from = to;
        }
        return batches;
    }

    /**
     * The changes shuffled, about a third of them delivered twice or three times (at least once, any
     * order), and some published again up to half an hour later (a rebuild's or a retry's republish).
     */
    /** The changes of two sales, each redelivered with its own seed, then shuffled together. */
    static List<Change> redeliveredTogether(SalesHistory first, long firstSeed, SalesHistory second, long secondSeed,
                                            long shuffleSeed) {
        List<Change> delivered = new ArrayList<>(redelivered(first.changes(), firstSeed));
        delivered.addAll(redelivered(second.changes(), secondSeed));
        Collections.shuffle(delivered, new Random(shuffleSeed));
        return delivered;
    }

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
