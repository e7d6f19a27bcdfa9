package dev.booking.pipelines;

import dev.booking.domain.Change;
import dev.booking.domain.EventId;
import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The events and figures views in buckets: a round of many events' changes, one update per bucket, each event exact. */
class EventViewBucketTest {
    @Test
    void rounds_of_many_events_changes_reordered_and_repeated_give_each_event_its_own_view() {
        // given 300 events' sales, their changes delivered in rounds of 50, shuffled, a tenth of them twice
        Map<String, List<Change>> byEvent = new HashMap<>();
        List<Change> delivered = new ArrayList<>();
        for (int e = 0; e < 300; e++) {
            List<Change> changes = SalesHistory.randomSale("event-" + e, e, 8).changes();
            byEvent.put("event-" + e, changes);
            delivered.addAll(changes);
        }
        Random random = new Random(4);
        for (int i = 0; i < delivered.size() / 10; i++) {
            delivered.add(delivered.get(random.nextInt(delivered.size())));
        }
        Collections.shuffle(delivered, random);
        Map<String, Map.Entry<String, EventViewBucket>> events = new HashMap<>();
        Map<String, Map.Entry<String, EventViewBucket>> figures = new HashMap<>();

        // when each round is merged, one update per bucket it touches
        for (int from = 0; from < delivered.size(); from += 50) {
            List<Change> round = delivered.subList(from, Math.min(delivered.size(), from + 50));
            List<UpdateEventView> updates = UpdateEventView.of(round, AvailabilityView::of);
            Set<String> buckets = round.stream().map(c -> EventViewBucket.keyOf(c.eventId())).collect(Collectors.toSet());
            assertThat(updates).extracting(UpdateEventView::bucket).containsExactlyInAnyOrderElementsOf(buckets);
            updates.forEach(update -> update.process(entry(events, update.bucket())));
            UpdateEventView.of(round, SalesFigures::of).forEach(update -> update.process(entry(figures, update.bucket())));
        }

        // then every event's view is the projection of its own changes, read from its bucket
        assertThat(events).hasSizeLessThanOrEqualTo(EventViewBucket.COUNT);
        byEvent.forEach((event, changes) -> {
            EventId id = new EventId(event);
            assertThat(events.get(EventViewBucket.keyOf(id)).getValue().view(id)).contains(Projections.event(changes));
            assertThat(figures.get(EventViewBucket.keyOf(id)).getValue().view(id)).contains(Projections.figures(changes));
            assertThat(new ReadEventView(id).process(events.get(EventViewBucket.keyOf(id))))
                    .isEqualTo(Projections.event(changes));
        });
        assertThat(events.values().stream().mapToInt(bucket -> bucket.getValue().views().size()).sum()).isEqualTo(300);
    }

    @Test
    void an_event_not_in_its_bucket_reads_as_absent() {
        Map.Entry<String, EventViewBucket> empty = new AbstractMap.SimpleEntry<>("3", null);
        assertThat(new ReadEventView(new EventId("nowhere")).process(empty)).isNull();
        assertThat(new EventViewBucket().view(new EventId("nowhere"))).isEmpty();
    }

    @Test
    void a_reset_keeps_only_each_events_history_of_the_figures() {
        List<Change> gig = SalesHistory.randomSale("gig", 5, 30).changes();
        List<Change> play = SalesHistory.randomSale("play", 6, 30).changes();
        Map.Entry<String, EventViewBucket> bucket = new AbstractMap.SimpleEntry<>("0", null);
        new UpdateEventView("0", List.of(Projections.figures(gig), Projections.figures(play))).process(bucket);

        new ResetFigures().process(bucket);

        assertThat(bucket.getValue().view(new EventId("gig"))).contains(Projections.figures(gig).historyOnly());
        assertThat(bucket.getValue().view(new EventId("play"))).contains(Projections.figures(play).historyOnly());
        Map.Entry<String, EventViewBucket> none = new AbstractMap.SimpleEntry<>("1", null);
        new ResetFigures().process(none);
        assertThat(none.getValue()).isNull();
    }

    @Test
    void buckets_are_numbered_within_the_count() {
        for (int e = 0; e < 10_000; e++) {
            assertThat(EventViewBucket.bucketOf(new EventId("e" + e))).isBetween(0, EventViewBucket.COUNT - 1);
        }
    }

    private static Map.Entry<String, EventViewBucket> entry(Map<String, Map.Entry<String, EventViewBucket>> view, String bucket) {
        return view.computeIfAbsent(bucket, key -> new AbstractMap.SimpleEntry<>(key, null));
    }
}
