package dev.booking.pipelines;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.StreamStage;
import com.hazelcast.jet.pipeline.test.AssertionCompletedException;
import com.hazelcast.jet.pipeline.test.AssertionSinks;
import com.hazelcast.jet.pipeline.test.TestSources;
import dev.booking.domain.Change;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The projections inside Jet, fed by {@code TestSources}: a stream that delivers every change of a sale
 * again and again (at-least-once taken to the extreme) still folds into exactly the views that the
 * sale's last state implies.
 */
class ProjectionsOnJetTest {
    // Static, not captured: Jet serializes the lambdas, and domain values are not java.io.Serializable.
    private static final SalesHistory SALE = SalesHistory.randomSale("jet-sale", 7, 40);
    private static final List<Change> CHANGES = SALE.changes();
    private static final AvailabilityView EXPECTED_EVENT = AvailabilityView.of(SALE.last());
    /** Each change folded once, in order, the way the sink folds it. */
    private static final Map<String, CustomerReservations> EXPECTED_CUSTOMERS = Projections.customers(CHANGES);

    private final BookingCluster cluster = BookingCluster.of(1, config -> {
        ViewSerialization.register(config.getSerializationConfig());
        return config;
    });

    @AfterEach
    void shutdown() {
        cluster.close();
    }

    @Test
    void endlessly_redelivered_changes_fold_into_the_availability_and_customer_views_of_the_last_state() {
        Pipeline pipeline = Pipeline.create();
        var redelivered = pipeline.readFrom(TestSources.itemStream(2_000,
                        (timestamp, sequence) -> CHANGES.get((int) (sequence % CHANGES.size()))))
                .withoutTimestamps();
        StreamStage<Object> events = redelivered.map(AvailabilityView::of)
                .groupingKey(view -> view.eventId().value())
                .mapStateful(AtomicReference<AvailabilityView>::new, (state, key, view) -> {
                    state.set(state.get() == null ? view : AvailabilityView.merge(state.get(), view));
                    return (Object) state.get();
                });
        StreamStage<Object> customers = redelivered
                .flatMap(change -> Traversers.traverseIterable(UpdateCustomerBucket.of(List.of(change)).stream()
                        .flatMap(update -> update.lists().stream()).toList()))
                .groupingKey(list -> list.customerId().value())
                .mapStateful(CustomerBucket::new, (bucket, key, list) -> {
                    bucket.add(list);
                    return (Object) bucket.list(list.customerId());
                });
        events.merge(customers).writeTo(AssertionSinks.assertCollectedEventually(30, items -> {
            assertThat(last(items, AvailabilityView.class, EXPECTED_EVENT.eventId().value())).isEqualTo(EXPECTED_EVENT);
            EXPECTED_CUSTOMERS.forEach((customer, expected) ->
                    assertThat(last(items, CustomerReservations.class, customer)).isEqualTo(expected));
        }));

        HazelcastInstance member = cluster.member(0);
        assertThatThrownBy(() -> member.getJet().newJob(pipeline).join())
                .isInstanceOf(CompletionException.class)
                .hasRootCauseInstanceOf(AssertionCompletedException.class);
    }

    private static <T> T last(List<?> items, Class<T> type, String key) {
        Object found = null;
        for (Object item : items) {
            if (type.isInstance(item) && key.equals(keyOf(item))) {
                found = item;
            }
        }
        return type.cast(found);
    }

    private static String keyOf(Object item) {
        return item instanceof AvailabilityView view ? view.eventId().value()
                : ((CustomerReservations) item).customerId().value();
    }
}
