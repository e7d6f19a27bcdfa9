package dev.booking.pipelines;

import dev.booking.domain.EventId;

/** A value of one of the per-event views: the events view's availability or the figures view's figures. */
public sealed interface EventViewValue permits AvailabilityView, SalesFigures {
    EventId eventId();

    /** The sequence of the event's newest change this value includes. */
    long sequence();
}
