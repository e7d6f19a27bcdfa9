package dev.booking.pipelines;

import dev.booking.domain.CustomerId;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Marks of lost customer buckets: a union over the members that report a loss, removed only as read. */
class RebuildingListsTest {
    private static final CustomerId ANN = CustomerId.of("ann");
    private static final int ANNS = CustomerBucket.bucketOf(ANN);

    @Test
    void every_member_marking_the_same_loss_leaves_one_mark_per_bucket_since_the_first_report() {
        RebuildingLists marked = RebuildingLists.marking(null, Set.of(ANNS, 7), 1_000);
        marked = RebuildingLists.marking(marked, Set.of(ANNS), 1_020);

        assertThat(marked.buckets()).containsOnlyKeys(ANNS, 7);
        assertThat(marked.since(ANN)).contains(1_000L);
        assertThat(marked.since(CustomerId.of("bob"))).as("bob's bucket %s", CustomerBucket.bucketOf(CustomerId.of("bob")))
                .isEmpty();
    }

    @Test
    void a_bucket_found_whole_is_unmarked_and_nothing_marked_is_nothing_stored() {
        RebuildingLists marked = RebuildingLists.marking(null, Set.of(ANNS, 7), 1_000);

        RebuildingLists left = RebuildingLists.unmarking(marked, marked.marksOf(Set.of(ANNS)));

        assertThat(left.buckets()).containsOnlyKeys(7);
        assertThat(RebuildingLists.unmarking(left, left.marksOf(Set.of(7))).isEmpty()).isTrue();
        assertThat(RebuildingLists.unmarking(null, Map.of(7, 1L))).isNull();
    }

    @Test
    void a_bucket_lost_again_after_its_mark_was_read_stays_marked() {
        RebuildingLists read = RebuildingLists.marking(null, Set.of(ANNS), 1_000);
        RebuildingLists lostAgain = RebuildingLists.marking(read, Set.of(ANNS), 1_000);

        RebuildingLists left = RebuildingLists.unmarking(lostAgain, read.marksOf(Set.of(ANNS)));

        assertThat(lostAgain.buckets().get(ANNS).mark()).isGreaterThan(read.buckets().get(ANNS).mark());
        assertThat(left.buckets()).containsOnlyKeys(ANNS);
        assertThat(left.since(ANN)).contains(1_000L);
    }

    @Test
    void a_mark_is_never_reused_once_every_bucket_was_unmarked() {
        RebuildingLists first = RebuildingLists.marking(null, Set.of(ANNS), 5_000);
        RebuildingLists again = RebuildingLists.marking(RebuildingLists.unmarking(first, first.marksOf(Set.of(ANNS))),
                Set.of(ANNS), 5_000);

        assertThat(RebuildingLists.unmarking(RebuildingLists.marking(again, Set.of(7), 4_000),
                first.marksOf(Set.of(ANNS))).buckets()).as("an Unmark of the first loss delivered late").containsKey(ANNS);
    }
}
