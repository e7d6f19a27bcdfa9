package dev.booking.engine;

import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.CategoryId;
import dev.booking.domain.Change;
import dev.booking.domain.CustomerId;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.Decision;
import dev.booking.domain.Inventory;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.domain.Sales;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.booking.domain.Sales.concert;
import static dev.booking.domain.Sales.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ChangeOutboxTest {
    private BookingCluster cluster;

    @AfterEach
    void shutdown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void coalescing_keeps_the_latest_counts_and_each_reservation_as_it_was_left() {
        Inventory concert = Inventory.open(concert(10, 0));
        EventId otherId = EventId.of("other");
        Inventory other = Inventory.open(new EventDefinition(otherId, "Other", Instant.parse("2027-01-01T20:00:00Z"),
                List.of(new CategoryDefinition(CategoryId.of("floor"), 5))));
        List<Change> changes = new ArrayList<>();
        changes.add(concert.change(List.of(reserved(concert, "r1", 2))));
        changes.add(concert.change(List.of(reserved(concert, "r2", 1))));
        Decision.Confirmed o1 = (Decision.Confirmed) other.reserve(
                new ReservationRequest(otherId, ReservationId.of("o1"), CategoryId.of("floor"), CustomerId.of("c"), 1));
        changes.add(other.change(List.of(o1.reservation())));
        concert.cancel(ReservationId.of("r1"));
        changes.add(concert.change(List.of(concert.reservation(ReservationId.of("r1")).orElseThrow())));

        List<Change> coalesced = ChangeOutbox.coalesce(changes);

        assertThat(coalesced).hasSize(2);
        Change ofConcert = coalesced.get(0);
        assertThat(ofConcert.sequence()).isEqualTo(concert.sequence());
        assertThat(ofConcert.availability()).isEqualTo(concert.availability());
        assertThat(ofConcert.tally()).isEqualTo(concert.tally());
        assertThat(ofConcert.reservations()).extracting(r -> r.id().value() + ":" + r.status())
                .containsExactly("r1:CANCELLED", "r2:CONFIRMED");
        assertThat(coalesced.get(1)).isEqualTo(changes.get(2));
    }

    @Test
    void the_member_that_decides_publishes_every_change_once_decided_and_the_backup_publishes_nothing_more() {
        cluster = BookingCluster.of(3);
        IMap<String, ChangeBatch> published = cluster.member(2).getMap(ChangeLog.CHANGES_MAP);
        // by key: a write that timed out is written again under its key, the same batch, not a second one
        Map<String, Integer> reservationsPublished = new ConcurrentHashMap<>();
        published.addEntryListener((EntryAddedListener<String, ChangeBatch>) event ->
                reservationsPublished.put(event.getKey(), reservations(event.getValue())), true);
        published.addEntryListener((EntryUpdatedListener<String, ChangeBatch>) event ->
                reservationsPublished.put(event.getKey(), reservations(event.getValue())), true);
        BoxOffice boxOffice = new BoxOffice(cluster.member(1));
        boxOffice.define(concert(1000, 0)).join();
        List<CompletableFuture<Decision>> decisions = IntStream.range(0, 200)
                .mapToObj(i -> boxOffice.reserve(request("r" + i, "floor", 1))).toList();
        decisions.forEach(CompletableFuture::join);
        long sequence = boxOffice.wholeEvent(Sales.CONCERT).join().orElseThrow().sequence();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Change> changes = published.values().stream().flatMap(batch -> batch.changes().stream()).toList();
            assertThat(changes.stream().mapToLong(Change::sequence).max().orElse(-1)).isEqualTo(sequence);
            Set<String> ids = changes.stream().flatMap(c -> c.reservations().stream())
                    .map(r -> r.id().value()).collect(Collectors.toSet());
            assertThat(ids).hasSize(200);
        });
        // Each reservation in exactly one published change: a backup replica publishing too would double them.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                reservationsPublished.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(200));
    }

    private static int reservations(ChangeBatch batch) {
        return batch.changes().stream().mapToInt(change -> change.reservations().size()).sum();
    }

    private static Reservation reserved(Inventory inventory, String id, int quantity) {
        Decision decision = inventory.reserve(request(id, "floor", quantity));
        return ((Decision.Confirmed) decision).reservation();
    }
}
