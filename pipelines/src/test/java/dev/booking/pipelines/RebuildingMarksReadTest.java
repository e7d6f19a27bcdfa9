package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.booking.domain.CustomerId;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every customer read asks for the rebuilding marks, one entry of the health map: a node reuses its read
 * of them for {@link QueryViews#MARKS_REUSED_FOR} instead of reading that entry once per customer read.
 */
class RebuildingMarksReadTest {
    private final BookingCluster cluster = QuerySide.cluster(1);
    private final HazelcastInstance member = cluster.member(0);
    private final QueryViews views = new QueryViews(member);
    private final IMap<String, RebuildingLists> health = member.getMap(ViewMaps.HEALTH);

    @AfterEach
    void shutdown() {
        cluster.close();
    }

    @Test
    void a_burst_of_reads_reads_the_marks_entry_once_per_reuse_time() {
        long readsBefore = health.getLocalMapStats().getGetOperationCount();
        long started = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            assertThat(views.rebuildingLists()).isEmpty();
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        long reads = health.getLocalMapStats().getGetOperationCount() - readsBefore;
        assertThat(reads).as("reads of the marks entry in %d ms", elapsedMillis)
                .isBetween(1L, 2 + elapsedMillis / QueryViews.MARKS_REUSED_FOR.toMillis());
    }

    @Test
    void a_new_mark_shows_once_the_reuse_time_has_passed() {
        assertThat(views.rebuildingLists()).isEmpty();
        CustomerId customer = new CustomerId("c-7");

        health.executeOnKey(ViewMaps.REBUILDING_LISTS,
                new RebuildingLists.Mark(Set.of(CustomerBucket.bucketOf(customer)), System.currentTimeMillis()));

        // a loaded machine may take seconds; marks reused for ever would still never show
        await().atMost(Duration.ofSeconds(30))
                .until(() -> views.rebuildingLists().flatMap(marks -> marks.since(customer)).isPresent());
    }
}
