package dev.booking.pipelines;

/** The query-side maps: the pipeline writes them; {@link QueryViews} and {@link Reconciliation} read them. */
public final class ViewMaps {
    /** eventId → {@link AvailabilityView}. */
    public static final String EVENTS = "booking.view.events";
    /** bucket ({@link CustomerBucket#keyOf}) → {@link CustomerBucket}: each customer's {@link CustomerReservations}. */
    public static final String CUSTOMERS = "booking.view.customers";
    /** eventId → {@link SalesFigures}. */
    public static final String FIGURES = "booking.view.stats";
    /** {@link #LOST_EVENTS} → {@link LostEvents}: the journal overflowed, the views need a repair. */
    public static final String HEALTH = "booking.view.health";
    public static final String LOST_EVENTS = "lost-events";
    /** member address → {@link LagSnapshot}: each member's decision-to-view lag histogram. */
    public static final String LAG = "booking.view.lag";

    private ViewMaps() {
    }
}
