package dev.booking.engine;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import dev.booking.domain.Cancellation;
import dev.booking.domain.Change;
import dev.booking.domain.Decision;
import dev.booking.domain.EventAvailability;
import dev.booking.domain.Inventory;
import dev.booking.domain.ReservationId;
import dev.booking.domain.Revision;
import dev.booking.domain.Sales;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;

import static dev.booking.domain.Sales.concert;
import static dev.booking.domain.Sales.request;
import static org.assertj.core.api.Assertions.assertThat;

/** The reservation entry processor three ways: as a function, over the wire, on a cluster. */
class ReserveSeatsTest {
    private BookingCluster cluster;

    @AfterEach
    void shutdown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void as_a_plain_function_it_decides_a_batch_in_order_and_replays_within_the_batch() {
        var entry = new SimpleEntry<String, Inventory>(Sales.CONCERT.value(), Inventory.open(concert(3, 0)));

        var requests = List.of(request("r1", "floor", 2), request("r2", "floor", 2), request("r1", "floor", 2),
                request("r3", "floor", 1), request("r4", "floor", 1));
        List<Decision> decisions = new ReserveSeats(requests).process(entry).decisions(requests);

        assertThat(decisions).extracting(d -> d.getClass().getSimpleName())
                .containsExactly("Confirmed", "Rejected", "Confirmed", "Confirmed", "Rejected");
        assertThat(((Decision.Confirmed) decisions.get(2)).replay()).isTrue();
        assertThat(entry.getValue().availability().categories().get(0).confirmed()).isEqualTo(3);
    }

    @Test
    void as_a_plain_function_it_reports_the_change_for_the_query_side_and_republishes_replays() {
        var entry = new SimpleEntry<String, Inventory>(Sales.CONCERT.value(), Inventory.open(concert(3, 0)));
        long before = entry.getValue().sequence();

        List<Change> recorded = new ArrayList<>();

        new ReserveSeats(List.of(request("r1", "floor", 2), request("r2", "floor", 2)))
                .recordingInto(recorded::add).process(entry);
        new ReserveSeats(List.of(request("r1", "floor", 2))).recordingInto(recorded::add).process(entry);

        assertThat(recorded).hasSize(2);
        Change first = recorded.get(0);
        Change replay = recorded.get(1);
        assertThat(first.sequence()).isEqualTo(before + 2);
        assertThat(first.reservations()).extracting(r -> r.id().value()).containsExactly("r1", "r2");
        assertThat(first.availability().categories().get(0).confirmed()).isEqualTo(2);
        assertThat(first.tally()).isEqualTo(new dev.booking.domain.Tally(1, 1, 0));
        assertThat(replay.sequence()).isEqualTo(first.sequence());
        assertThat(replay.reservations()).extracting(r -> r.id().value()).containsExactly("r1");
    }

    @Test
    void on_a_backup_replica_it_decides_the_same_and_records_nothing() {
        var owner = new SimpleEntry<String, Inventory>(Sales.CONCERT.value(), Inventory.open(concert(3, 0)));
        var backup = new SimpleEntry<String, Inventory>(Sales.CONCERT.value(), Inventory.open(concert(3, 0)));
        var requests = List.of(request("r1", "floor", 2), request("r2", "floor", 2));
        List<Change> recorded = new ArrayList<>();

        ReserveSeats processor = new ReserveSeats(requests);
        processor.recordingInto(recorded::add).process(owner);
        processor.getBackupProcessor().recordingInto(recorded::add).process(backup);

        assertThat(recorded).hasSize(1);
        assertThat(backup.getValue().availability()).isEqualTo(owner.getValue().availability());
        assertThat(backup.getValue().sequence()).isEqualTo(owner.getValue().sequence());
    }

    @Test
    void a_decision_about_what_its_request_asked_travels_as_a_code_and_reads_back_whole() {
        InternalSerializationService serialization = new DefaultSerializationServiceBuilder()
                .setConfig(BookingSerialization.register(new SerializationConfig())).build();
        var entry = new SimpleEntry<String, Inventory>(Sales.CONCERT.value(), Inventory.open(concert(3, 0)));
        var requests = List.of(request("r1", "floor", 2), request("r2", "floor", 2), request("r1", "floor", 2),
                request("r1", "floor", 1), request("r3", "nowhere", 1), request("r4", "floor", 1));

        Verdicts made = new ReserveSeats(requests).process(entry);
        Verdicts read = serialization.toObject(serialization.toData(made));

        assertThat(read.decisions(requests)).isEqualTo(made.decisions(requests));
        assertThat(read.decisions(requests)).extracting(d -> d.getClass().getSimpleName())
                .containsExactly("Confirmed", "Rejected", "Confirmed", "Conflict", "Refused", "Confirmed");
        assertThat(read.encoded().whole()).filteredOn(java.util.Objects::nonNull).hasSize(2);
    }

    @Test
    void as_a_plain_function_it_refuses_requests_for_an_event_that_does_not_exist() {
        var entry = new SimpleEntry<String, Inventory>(Sales.CONCERT.value(), null);

        var requests = List.of(request("r1", "floor", 1));
        List<Decision> decisions = new ReserveSeats(requests).process(entry).decisions(requests);

        assertThat(((Decision.Refused) decisions.get(0)).refusal()).isEqualTo(Decision.Refusal.EVENT_NOT_FOUND);
        assertThat(entry.getValue()).isNull();
    }

    @Test
    void every_engine_value_survives_a_serialization_round_trip() {
        InternalSerializationService serialization = new DefaultSerializationServiceBuilder()
                .setConfig(BookingSerialization.register(new SerializationConfig())).build();
        Inventory inventory = Inventory.open(concert(5, 5));
        Decision confirmed = inventory.reserve(request("r1", "floor", 2));
        Decision rejected = inventory.reserve(request("r2", "balcony", 9));
        Cancellation cancelled = inventory.cancel(ReservationId.of("r1"));

        List<Object> values = List.of(confirmed, rejected, cancelled, new Cancellation.NotFound(),
                new Decision.Conflict(((Decision.Confirmed) confirmed).reservation()),
                new Decision.Refused(Decision.Refusal.UNKNOWN_CATEGORY, "no such category"),
                new Revision.Created(inventory.availability()), new Revision.Refused("too low"),
                inventory.availability(), request("r9", "floor", 3), new java.util.ArrayList<>(List.of(confirmed, rejected)),
                inventory.change(List.of(((Decision.Confirmed) confirmed).reservation())).at(1234),
                new ChangeBatch(List.of(inventory.change(List.of()).at(1), Inventory.open(concert(1, 0)).change(List.of()))));
        for (Object value : values) {
            assertThat((Object) serialization.toObject(serialization.toData(value))).isEqualTo(value);
        }

        Inventory copy = serialization.toObject(serialization.toData(inventory));
        assertThat(copy.availability()).isEqualTo(inventory.availability());
        assertThat(copy.sequence()).isEqualTo(inventory.sequence());
        assertThat(copy.tally()).isEqualTo(inventory.tally());
        assertThat(copy.reservation(ReservationId.of("r1"))).isEqualTo(inventory.reservation(ReservationId.of("r1")));

        ReadEventShare share = serialization.toObject(serialization.toData(new ReadEventShare(3, 7)));
        assertThat(share.share()).isEqualTo(3);
        assertThat(share.shares()).isEqualTo(7);
        assertThat((Object) serialization.toObject(serialization.toData(new CountReservations())))
                .isInstanceOf(CountReservations.class);

        ReserveSeats processor = serialization.toObject(serialization.toData(
                new ReserveSeats(List.of(request("r1", "floor", 2)))));
        assertThat(processor.requests()).containsExactly(request("r1", "floor", 2));
        assertThat(processor.onBackup()).isFalse();
        ReserveSeats backup = serialization.toObject(serialization.toData(processor.getBackupProcessor()));
        assertThat(backup.onBackup()).isTrue();
    }

    @Test
    void a_batch_decides_the_requests_of_one_event_only() {
        var requests = List.of(request("r1", "floor", 2),
                new dev.booking.domain.ReservationRequest(dev.booking.domain.EventId.of("another"), ReservationId.of("n1"),
                        dev.booking.domain.CategoryId.of("floor"), dev.booking.domain.CustomerId.of("customer-1"), 1));

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new ReserveSeats(requests))
                .withMessageContaining("one event");
    }

    @Test
    void on_a_three_member_cluster_every_member_sees_the_same_decisions_and_counts() {
        cluster = BookingCluster.of(3);
        BoxOffice first = new BoxOffice(cluster.member(0));
        BoxOffice second = new BoxOffice(cluster.member(1));

        assertThat(first.define(concert(3, 10)).join()).isInstanceOf(Revision.Created.class);
        Decision confirmed = first.reserve(request("r1", "floor", 2)).join();
        Decision replayElsewhere = second.reserve(request("r1", "floor", 2)).join();
        Decision rejected = second.reserveAlone(request("r2", "floor", 2)).join();

        assertThat(confirmed).isInstanceOf(Decision.Confirmed.class);
        assertThat(replayElsewhere).isEqualTo(new Decision.Confirmed(((Decision.Confirmed) confirmed).reservation(), true));
        assertThat(rejected).isInstanceOf(Decision.Rejected.class);
        EventAvailability seen = new BoxOffice(cluster.member(2)).availability(Sales.CONCERT).join().orElseThrow();
        assertThat(seen.categories().get(0).confirmed()).isEqualTo(2);
        assertThat(first.events()).containsExactly(seen);
    }
}
