package dev.booking.pipelines;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;

/** The query-side maps: the pipeline writes them; {@link QueryViews} and {@link Reconciliation} read them. */
public final class ViewMaps {
    /**
     * bucket ({@link EventViewBucket#keyOf}) → {@link EventViewBucket}: each event's {@link AvailabilityView}.
     * (Builds before the buckets kept one entry per event in {@code booking.view.events}.)
     */
    public static final String EVENTS = "booking.view.availability";
    /** bucket ({@link CustomerBucket#keyOf}) → {@link CustomerBucket}: each customer's {@link CustomerReservations}. */
    public static final String CUSTOMERS = "booking.view.customers";
    /**
     * bucket ({@link EventViewBucket#keyOf}) → {@link EventViewBucket}: each event's {@link SalesFigures}.
     * (Builds before the buckets kept one entry per event in {@code booking.view.stats}.)
     */
    public static final String FIGURES = "booking.view.figures";
    /**
     * {@link #LOST_EVENTS} → {@link LostEvents}: the journal overflowed, the views need a repair.
     */
    public static final String HEALTH = "booking.view.health";
    public static final String LOST_EVENTS = "lost-events";
    /** {@link #REBUILDING_LISTS} → {@link RebuildingLists}: customer buckets lost with a member, not whole yet. */
    public static final String REBUILDING_LISTS = "rebuilding-customer-lists";
    /**
     * {@link #REPAIR_OWED} → when the view job was submitted again after it failed (epoch millis, a
     * {@code Long}): the views owe a repair once it runs ({@link ViewJobKeeper}).
     */
    public static final String REPAIR_OWED = "repair-owed-after-view-job-failed";
    /**
     * {@link #SUBMISSION_UNANSWERED} → when a starting node went on without Jet's answer to its submission
     * of the view job (epoch millis, a {@code Long}): if no view job exists, the oldest member's
     * {@link ViewJobKeeper} submits it; the note goes once a job exists.
     */
    public static final String SUBMISSION_UNANSWERED = "view-job-submission-unanswered";
    /**
     * {@link #LAYOUT} → the bucket counts the views were built with, as text ({@link ViewLayout}): a node
     * of a build with other counts reads the wrong buckets until the views are rebuilt.
     */
    public static final String LAYOUT = "view-layout";
    /** member address → {@link LagSnapshot}: each member's decision-to-view lag histogram. */
    public static final String LAG = "booking.view.lag";

    private ViewMaps() {
    }

    /**
     * Adds the views' map settings of {@code config/hazelcast.yaml} to a configuration that names none
     * (an application's own member): live objects, so that a merge never (de)serializes a whole view
     * entry; one asynchronous backup; none for the customer lists, which {@link LostViewRecovery}
     * rebuilds from the ledger after a crash; a synchronous one for the views' notes ({@value #HEALTH}),
     * each of which stands for work that would be lost with it. Settings the configuration already has are kept.
     */
    public static Config addSettingsIfMissing(Config config) {
        if (config.getMapConfigOrNull(CUSTOMERS) == null) {
            config.addMapConfig(new MapConfig(CUSTOMERS).setInMemoryFormat(InMemoryFormat.OBJECT)
                    .setBackupCount(0).setAsyncBackupCount(0));
        }
        // the exact name before the pattern: added after it, HEALTH would find the pattern and be skipped
        if (config.getMapConfigOrNull(HEALTH) == null) {
            config.addMapConfig(new MapConfig(HEALTH).setInMemoryFormat(InMemoryFormat.OBJECT)
                    .setBackupCount(1).setAsyncBackupCount(0));
        }
        if (config.getMapConfigOrNull(EVENTS) == null) {
            config.addMapConfig(new MapConfig("booking.view.*").setInMemoryFormat(InMemoryFormat.OBJECT)
                    .setBackupCount(0).setAsyncBackupCount(1));
        }
        return config;
    }
}
