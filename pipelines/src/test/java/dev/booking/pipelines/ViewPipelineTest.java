package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.pipeline.JournalSourceEntry;
import dev.booking.domain.Change;
import dev.booking.engine.ChangeBatch;
import dev.booking.domain.CustomerId;
import dev.booking.domain.EventId;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole pipeline on one member, fed through the build(source) seam with redelivered changes. */
class ViewPipelineTest {
    private final BookingCluster cluster = QuerySide.cluster(1);
    private final HazelcastInstance member = cluster.member(0);
    private final QueryViews views = new QueryViews(member);

    private static void cancelAndWait(Job job) {
        job.cancel();
        try {
            job.join();
        } catch (java.util.concurrent.CancellationException expected) {
            // a cancelled job's join says so
        }
    }

    @AfterEach
    void shutdown() {
        cluster.close();
    }

    @Test
    void duplicated_and_reordered_changes_give_the_views_of_the_changes_in_order() {
        // given two sales, their changes shuffled and partly delivered several times
        SalesHistory gig = SalesHistory.randomSale("gig", 31, 40);
        SalesHistory play = SalesHistory.randomSale("play", 32, 40);
        List<Change> delivered = Projections.redeliveredTogether(gig, 1, play, 2, 3);

        // when the pipeline reads them, in batches of 1 to 7 changes as members' outboxes publish them
        Job job = member.getJet().newJob(ViewPipeline.build(ScriptedChanges.of(
                Projections.inBatches(delivered, 4).stream().map(ScriptedChanges::entry).toList())));

        // then every view is what the changes in order give, and nothing was lost
        List<Change> all = new ArrayList<>(gig.changes());
        all.addAll(play.changes());
        Map<String, CustomerReservations> customers = Projections.customers(all);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(views.event(EventId.of("gig"))).contains(Projections.event(gig.changes()));
            assertThat(views.event(EventId.of("play"))).contains(Projections.event(play.changes()));
            assertThat(views.figures(EventId.of("gig"))).contains(Projections.figures(gig.changes()));
            assertThat(views.figures(EventId.of("play"))).contains(Projections.figures(play.changes()));
            customers.forEach((id, list) -> assertThat(views.customer(CustomerId.of(id))).contains(list));
        });
        assertThat(views.events()).extracting(AvailabilityView::eventId)
                .containsExactly(EventId.of("gig"), EventId.of("play"));
        assertThat(views.lostEvents()).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(views.lag().count()).isEqualTo(delivered.size()));
        cancelAndWait(job);
    }

    @Test
    void the_lag_histogram_goes_on_counting_when_the_job_runs_again() {
        // given a job that measured the lag of some changes and was stopped
        List<Change> changes = SalesHistory.randomSale("gig", 34, 10).changes();
        List<JournalSourceEntry<String, ChangeBatch>> entries = changes.stream().map(ScriptedChanges::entry).toList();
        Job first = member.getJet().newJob(ViewPipeline.build(ScriptedChanges.of(entries)));
        await().atMost(Duration.ofSeconds(10)).until(() -> views.lag().count() == changes.size());
        cancelAndWait(first);

        // when it runs again and reads the same changes
        Job second = member.getJet().newJob(ViewPipeline.build(ScriptedChanges.of(entries)));

        // then each delivery counts, and the percentiles cover both runs
        await().atMost(Duration.ofSeconds(10)).until(() -> views.lag().count() == 2L * changes.size());
        assertThat(views.lag().members()).containsExactly(member.getCluster().getLocalMember().getAddress().getHost()
                + ":" + member.getCluster().getLocalMember().getAddress().getPort());
        cancelAndWait(second);
    }

    @Test
    void an_entry_read_after_lost_events_leaves_a_marker_for_the_node_to_repair() {
        // given a journal that overflowed before its third entry was read
        List<Change> changes = SalesHistory.randomSale("gig", 33, 5).changes();
        List<JournalSourceEntry<String, ChangeBatch>> entries = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            entries.add(i == 2 ? ScriptedChanges.afterLostEvents(changes.get(i)) : ScriptedChanges.entry(changes.get(i)));
        }

        // when the pipeline reads it
        Job job = member.getJet().newJob(ViewPipeline.build(ScriptedChanges.of(entries)));

        // then the marker says it once, and the change itself is applied as usual
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(views.lostEvents()).hasValueSatisfying(lost -> assertThat(lost.occurrences()).isEqualTo(1));
            assertThat(views.event(EventId.of("gig"))).contains(Projections.event(changes));
        });
        cancelAndWait(job);
    }
}
