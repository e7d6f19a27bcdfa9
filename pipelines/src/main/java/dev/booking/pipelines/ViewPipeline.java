package dev.booking.pipelines;

import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.pipeline.JournalInitialPosition;
import com.hazelcast.jet.pipeline.JournalSourceEntry;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.Sources;
import com.hazelcast.jet.pipeline.StreamSource;
import com.hazelcast.jet.pipeline.StreamStage;
import dev.booking.engine.ChangeBatch;
import dev.booking.engine.ChangeLog;

/**
 * The pipeline that turns the changes of the command side into the query-side views.
 *
 * <pre>
 * journal of booking.changes ─┬─ after lost events? ─ stamp now ────────▶ booking.view.health
 *                             └─ change batch ─┬─ per customer bucket ─────────────────────────▶ booking.view.customers
 *                                              └─ record lag ─┬─ AvailabilityView per event bucket ─▶ booking.view.availability
 *                                                             └─ SalesFigures per event bucket ─────▶ booking.view.figures
 * </pre>
 *
 * <p>Delivery is at least once end to end (journal replay after a restart, at-least-once map sinks), so
 * every sink merges with a commutative, associative, idempotent function of the view types: whatever
 * the order and the number of deliveries, a view converges to the same value. The merge functions run
 * as entry processors on the owner and again on each backup: they read no clock. Times are stamped
 * before the sinks. Every view is bucketed ({@link CustomerBucket}, {@link EventViewBucket}): a batch of changes
 * updates each bucket it touches once, in place, instead of one entry per reservation or per event.
 */
public final class ViewPipeline {
    /**
     * How many bucket updates each sink processor of the customers view has in flight (Jet's default is
     * 1,000). A round of an on-sale's changes touches nearly every bucket; all at once, they queued on the
     * partition threads ahead of the decisions waiting there, a few milliseconds each round. Sixteen at a
     * time still merge a round well within the next (the views lag no more), and the decisions' p99 fell
     * from about 11.4 to 9.4 ms ({@code hot-event}, four interleaved runs each; see client/BENCHMARKS.md).
     */
    static final int CUSTOMER_UPDATES_IN_FLIGHT = 16;

    private ViewPipeline() {
    }

    /** The changes the command side publishes, from the oldest the journal still holds. */
    public static StreamSource<JournalSourceEntry<String, ChangeBatch>> journal() {
        return Sources.mapJournalEntries(ChangeLog.CHANGES_MAP, JournalInitialPosition.START_FROM_OLDEST);
    }

    public static Pipeline build(StreamSource<JournalSourceEntry<String, ChangeBatch>> source) {
        Pipeline pipeline = Pipeline.create();
        StreamStage<JournalSourceEntry<String, ChangeBatch>> journal = pipeline.readFrom(source)
                .withoutTimestamps().setName("read changes");

        journal.filter(JournalSourceEntry::isAfterLostEvents).setName("after lost events")
                .map(entry -> LostEvents.seenAt(System.currentTimeMillis())).setName("stamp lost events")
                .writeTo(Sinks.<LostEvents, String, LostEvents>mapWithMerging(ViewMaps.HEALTH,
                        lost -> ViewMaps.LOST_EVENTS, lost -> lost, LostEvents::merge));

        StreamStage<ChangeBatch> batches = journal.map(JournalSourceEntry::getValue).setName("change batch");
        StreamStage<ChangeBatch> recorded = batches.mapUsingService(LagRecorder.service(), LagRecorder::recorded)
                .setName("record lag");

        // Each change is projected here, so that a sink ships only the small view value to the entry's owner.
        batches.flatMap(batch -> Traversers.traverseIterable(UpdateCustomerBucket.of(batch.changes())))
                .setName("per customer bucket")
                .writeTo(Sinks.<UpdateCustomerBucket, String, CustomerBucket, Void>mapWithEntryProcessor(
                        CUSTOMER_UPDATES_IN_FLIGHT, ViewMaps.CUSTOMERS, UpdateCustomerBucket::bucket, update -> update));
        recorded.flatMap(batch -> Traversers.traverseIterable(UpdateEventView.of(batch.changes(), AvailabilityView::of)))
                .setName("availability per event bucket")
                .writeTo(Sinks.<UpdateEventView, String, EventViewBucket, Void>mapWithEntryProcessor(
                        ViewMaps.EVENTS, UpdateEventView::bucket, update -> update));
        recorded.flatMap(batch -> Traversers.traverseIterable(UpdateEventView.of(batch.changes(), SalesFigures::of)))
                .setName("figures per event bucket")
                .writeTo(Sinks.<UpdateEventView, String, EventViewBucket, Void>mapWithEntryProcessor(
                        ViewMaps.FIGURES, UpdateEventView::bucket, update -> update));
        return pipeline;
    }
}
