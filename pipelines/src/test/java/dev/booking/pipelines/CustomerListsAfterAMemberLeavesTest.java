package dev.booking.pipelines;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.engine.BoxOffice;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The customers view keeps no backup: the buckets a crashed member held are gone with it, and come back
 * from the ledger without anyone asking (one repair, by the oldest member), and are marked incomplete
 * until they are whole again; a member that leaves gracefully hands its buckets over and causes no
 * repair and no mark.
 */
class CustomerListsAfterAMemberLeavesTest {
    private final BookingCluster cluster = QuerySide.cluster(3);
    private final HazelcastInstance oldest = cluster.member(0);
    private final BoxOffice boxOffice = new BoxOffice(oldest);
    private final Reconciliation reconciliation = new Reconciliation(oldest, boxOffice);
    private final QueryViews views = new QueryViews(oldest);
    private List<LostViewRecovery> recoveries;

    @BeforeEach
    void viewsOfASoldBurst() throws Exception {
        cluster.members().forEach(ViewJobs::start);
        recoveries = QuerySide.recoverLostViews(cluster);
        List<EventId> events = IntStream.range(0, 3).mapToObj(i -> EventId.of("gig-" + i)).toList();
        for (EventId event : events) {
            boxOffice.define(new EventDefinition(event, "Gig " + event, null, List.of(
                    new CategoryDefinition(QuerySideUnderMemberCrashTest.CATEGORIES.get(0), 60),
                    new CategoryDefinition(QuerySideUnderMemberCrashTest.CATEGORIES.get(1), 30)), 4)).join();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ViewJobs.isRunning(oldest));
        new Burst(boxOffice, events, QuerySideUnderMemberCrashTest.CATEGORIES, 200).run(4, 60, Duration.ofSeconds(60));
        awaitClean();
    }

    @AfterEach
    void shutdown() {
        ViewJobs.stop(oldest);
        cluster.close();
    }

    @Test
    void the_customer_lists_a_crashed_member_held_come_back_from_the_ledger_by_themselves() {
        HazelcastInstance victim = cluster.member(2);
        Set<Integer> onTheVictim = IntStream.range(0, CustomerBucket.COUNT)
                .filter(bucket -> cluster.ownerOf(CustomerBucket.keyOf(bucket)).equals(victim)).boxed()
                .collect(Collectors.toSet());
        assertThat(onTheVictim).as("buckets on the victim").isNotEmpty();

        // Every version of the marks, not a poll of them: a bucket that comes back empty is unmarked within
        // a second or two, so a poll on a loaded machine may never see all the marks at once.
        Set<Integer> everMarked = ConcurrentHashMap.newKeySet();
        IMap<String, RebuildingLists> health = oldest.getMap(ViewMaps.HEALTH);
        health.addEntryListener((EntryAddedListener<String, RebuildingLists>) added -> noteMarks(added, everMarked), true);
        health.addEntryListener((EntryUpdatedListener<String, RebuildingLists>) updated -> noteMarks(updated, everMarked), true);

        cluster.crash(victim);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(everMarked).as("buckets told incomplete").isEqualTo(onTheVictim));
        awaitClean();
        await().atMost(Duration.ofSeconds(30)).until(() -> views.rebuildingLists().isEmpty());
        assertThat(everMarked).as("buckets ever told incomplete").isEqualTo(onTheVictim);
        assertThat(recoveries.get(0).repairs()).as("repairs by the oldest member").isPositive();
        assertThat(recoveries.get(1).repairs()).as("repairs by the other survivor").isZero();
    }

    @Test
    void buckets_marked_when_no_rebuild_watches_them_are_repaired_and_unmarked_by_the_oldest_member() {
        // a mark that arrived after the repair read the marks, or one left by an oldest member that stopped
        oldest.<String, RebuildingLists>getMap(ViewMaps.HEALTH).executeOnKey(ViewMaps.REBUILDING_LISTS,
                new RebuildingLists.Mark(Set.of(5, 6), System.currentTimeMillis()));

        await().atMost(Duration.ofMillis(LostViewRecovery.SWEEP_MILLIS * 4)).until(() -> views.rebuildingLists().isEmpty());
        assertThat(recoveries.get(0).repairs()).as("repairs by the oldest member").isPositive();
        assertThat(recoveries.get(1).repairs() + recoveries.get(2).repairs()).as("repairs by the others").isZero();
    }

    @Test
    void a_closed_recovery_repairs_nothing_and_the_lost_lists_stay_marked_incomplete() {
        recoveries.get(0).close();

        cluster.crash(cluster.member(2));

        await("marked by the other survivor").atMost(Duration.ofSeconds(30))
                .until(() -> views.rebuildingLists().isPresent());
        await().during(Duration.ofMillis(LostViewRecovery.SETTLE_MILLIS * 3)).atMost(Duration.ofSeconds(10))
                .until(() -> recoveries.get(0).repairs() == 0);
        assertThat(views.rebuildingLists()).as("still marked").isPresent();
    }

    @Test
    void a_member_that_leaves_gracefully_hands_its_buckets_over_and_nothing_is_repaired() {
        cluster.member(2).shutdown();
        cluster.awaitSafe();

        awaitClean();
        await().during(Duration.ofMillis(LostViewRecovery.SETTLE_MILLIS * 3)).atMost(Duration.ofSeconds(10))
                .until(() -> recoveries.stream().allMatch(recovery -> recovery.repairs() == 0)
                        && views.rebuildingLists().isEmpty());
    }

    private static void noteMarks(EntryEvent<String, RebuildingLists> change, Set<Integer> everMarked) {
        if (ViewMaps.REBUILDING_LISTS.equals(change.getKey()) && change.getValue() != null) {
            everMarked.addAll(change.getValue().buckets().keySet());
        }
    }

    private void awaitClean() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reconciliation.check().isClean())
                .as("%s", reconciliation.check()).isTrue());
    }
}
