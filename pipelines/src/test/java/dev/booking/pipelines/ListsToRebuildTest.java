package dev.booking.pipelines;

import dev.booking.domain.Change;
import dev.booking.domain.CustomerId;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A lost bucket is whole again only once it holds every reservation of the republished truth. */
class ListsToRebuildTest {
    private static final int ANN = CustomerBucket.bucketOf(CustomerId.of("ann"));
    private static final int BOB = CustomerBucket.bucketOf(CustomerId.of("bob"));
    private static final int NOBODY = unusedBucket();

    static {
        assertThat(ANN).as("ann and bob in different buckets").isNotEqualTo(BOB);
    }

    private final SalesHistory sale = SalesHistory.event("gig", 10, 10)
            .reserve("r1", "floor", "ann", 2)
            .reserve("r2", "balcony", "ann", 1)
            .reserve("r3", "floor", "bob", 4);
    private final List<Change> truth = List.of(sale.whole());

    @Test
    void a_bucket_is_whole_when_it_holds_every_reservation_of_its_customers_in_the_truth() {
        ListsToRebuild rebuild = new ListsToRebuild(truth, Set.of(ANN, BOB, NOBODY));

        assertThat(rebuild.wholeIn(Map.of())).as("nothing merged yet").containsExactly(NOBODY);
        assertThat(rebuild.wholeIn(buckets(sale.changes()))).containsExactlyInAnyOrder(ANN, BOB, NOBODY);
    }

    @Test
    void a_bucket_that_lacks_one_reservation_is_not_whole() {
        List<Change> withoutTheLast = sale.changes().subList(0, sale.changes().size() - 1);

        Set<Integer> whole = new ListsToRebuild(truth, Set.of(ANN, BOB)).wholeIn(buckets(withoutTheLast));

        assertThat(whole).as("r3 of bob is missing").containsExactly(ANN);
    }

    @Test
    void a_bucket_read_after_the_truth_may_be_ahead_of_it_but_not_behind() {
        SalesHistory later = SalesHistory.event("gig", 10, 10)
                .reserve("r1", "floor", "ann", 2)
                .reserve("r2", "balcony", "ann", 1)
                .reserve("r3", "floor", "bob", 4)
                .cancel("r1");
        ListsToRebuild rebuild = new ListsToRebuild(List.of(later.whole()), Set.of(ANN));

        assertThat(new ListsToRebuild(truth, Set.of(ANN)).wholeIn(buckets(later.changes())))
                .as("r1 cancelled since the truth was read").containsExactly(ANN);
        assertThat(rebuild.wholeIn(buckets(sale.changes()))).as("r1 still confirmed in the bucket").isEmpty();
    }

    @Test
    void buckets_found_whole_are_forgotten_until_none_is_left() {
        ListsToRebuild rebuild = new ListsToRebuild(truth, Set.of(ANN, NOBODY));

        rebuild.forget(rebuild.wholeIn(Map.of()));

        assertThat(rebuild.buckets()).containsExactly(ANN);
        assertThat(rebuild.isDone()).isFalse();
        rebuild.forget(rebuild.wholeIn(buckets(sale.changes())));
        assertThat(rebuild.isDone()).isTrue();
    }

    /** The buckets the view job would have built from these changes. */
    private static Map<Integer, CustomerBucket> buckets(Collection<Change> delivered) {
        Map<Integer, CustomerBucket> buckets = new HashMap<>();
        Projections.customers(delivered).values().forEach(list -> buckets
                .computeIfAbsent(CustomerBucket.bucketOf(list.customerId()), b -> new CustomerBucket()).add(list));
        return buckets;
    }

    private static int unusedBucket() {
        int bucket = 0;
        while (bucket == ANN || bucket == BOB) {
            bucket++;
        }
        return bucket;
    }
}
