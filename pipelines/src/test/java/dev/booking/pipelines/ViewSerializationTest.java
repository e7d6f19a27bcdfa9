package dev.booking.pipelines;

import com.hazelcast.config.SerializationConfig;
import com.hazelcast.internal.serialization.InternalSerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import dev.booking.domain.Change;
import dev.booking.domain.CustomerId;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every view value survives the trip through Hazelcast's serialization with the registered serializers. */
class ViewSerializationTest {
    private final InternalSerializationService serialization = new DefaultSerializationServiceBuilder()
            .setConfig(ViewSerialization.register(new SerializationConfig())).build();

    @Test
    void every_view_value_reads_back_equal_to_what_was_written() {
        SalesHistory sale = SalesHistory.randomSale("gig", 9, 40);
        Change last = sale.last();

        assertRoundTrip(AvailabilityView.of(last));
        assertRoundTrip(Projections.figures(sale.changes()));
        Projections.customers(sale.changes()).values().forEach(this::assertRoundTrip);
        for (UpdateCustomerBucket update : UpdateCustomerBucket.of(List.of(sale.whole()))) {
            UpdateCustomerBucket read = roundTrip(update);
            assertThat(read.bucket()).isEqualTo(update.bucket());
            assertThat(read.lists()).isEqualTo(update.lists());
            CustomerBucket bucket = new CustomerBucket();
            update.lists().forEach(bucket::add);
            assertThat(roundTrip(bucket).lists()).containsExactlyInAnyOrderElementsOf(bucket.lists());
        }
        CustomerId ann = new CustomerId("ann");
        assertThat(roundTrip(new ReadCustomerList(ann)).customer()).isEqualTo(ann);
        assertRoundTrip(LostEvents.merge(LostEvents.seenAt(5), LostEvents.seenAt(9)));
        assertRoundTrip(new LagSnapshot("10.0.0.1:5701", Collections.nCopies(LagBuckets.COUNT, 3L), 42, 1000));
        assertRoundTrip(RebuildingLists.marking(RebuildingLists.marking(null, Set.of(3, 66), 1234), Set.of(17), 1300));
        assertRoundTrip(new RebuildingLists.Mark(Set.of(4, 5), 99));
        assertRoundTrip(new RebuildingLists.Unmark(Map.of(6, 2L, 9, 3L)));
        SalesFigures figures = Projections.figures(sale.changes());
        UpdateEventView update = new UpdateEventView("7", List.of(AvailabilityView.of(last), figures));
        assertThat(roundTrip(update).bucket()).isEqualTo("7");
        assertThat(roundTrip(update).values()).containsExactly(AvailabilityView.of(last), figures);
        EventViewBucket bucket = new EventViewBucket();
        bucket.merge(AvailabilityView.of(last));
        bucket.merge(AvailabilityView.of(SalesHistory.randomSale("play", 3, 10).last()));
        assertRoundTrip(bucket);
        assertThat(roundTrip(new ReadEventView(last.eventId())).event()).isEqualTo(last.eventId());
        assertThat(roundTrip(new ResetFigures())).isInstanceOf(ResetFigures.class);
        TakeBackEventViews takeBack = roundTrip(new TakeBackEventViews(List.of(AvailabilityView.of(last), figures), true));
        assertThat(takeBack.seen()).containsExactly(AvailabilityView.of(last), figures);
        assertThat(takeBack.keepHistory()).isTrue();
        List<CustomerReservations> lines = List.copyOf(Projections.customers(sale.changes()).values());
        assertThat(roundTrip(new TakeBackCustomerLines(lines)).seen()).isEqualTo(lines);
    }

    @Test
    void a_rejection_keeps_its_reason_and_a_figure_without_history_stays_empty() {
        SalesHistory sale = SalesHistory.event("gig", 2, 2)
                .reserve("r1", "floor", "ann", 2)
                .reserve("r2", "floor", "bob", 1);

        assertRoundTrip(Projections.customers(sale.changes()).get("bob"));
        assertRoundTrip(Projections.figures(sale.changes()).historyOnly());
    }

    @Test
    void registering_twice_adds_the_serializers_once() {
        SerializationConfig config = ViewSerialization.register(ViewSerialization.register(new SerializationConfig()));

        assertThat(config.getSerializerConfigs()).hasSize(17);
        assertThat(ViewSerialization.isRegistered(config)).isTrue();
        assertThat(ViewSerialization.isRegistered(new SerializationConfig())).isFalse();
    }

    private <T> T roundTrip(T value) {
        T read = serialization.toObject(serialization.toData(value));
        assertThat(read).isExactlyInstanceOf(value.getClass());
        return read;
    }

    private void assertRoundTrip(Object value) {
        assertThat(roundTrip(value)).isEqualTo(value);
    }
}
