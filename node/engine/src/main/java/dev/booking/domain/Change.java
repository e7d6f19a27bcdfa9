package dev.booking.domain;

import java.util.List;

/**
 * What one step of the command side changed in an event, for the query side to follow: the
 * reservations it decided or cancelled, and the event's counts right after it.
 *
 * <p>{@code sequence} grows with every change of the event's inventory (a batch of decisions carries the
 * sequence after its last one), so a view that keeps the highest sequence it applied can ignore a
 * redelivered or late change. A replay publishes the same sequence again, with the reservation as it
 * stands: a retry after a crash thereby repairs a change that was lost with the crashed member. A reservation's own status only moves
 * forward (PENDING, then CONFIRMED or REJECTED, then CANCELLED), so the per-reservation views are
 * idempotent too. {@code atMillis} is stamped by whoever publishes the change, outside the decision.
 */
public record Change(EventId eventId, long sequence, EventAvailability availability, Tally tally,
                     List<Reservation> reservations, long atMillis) {
    public Change {
        reservations = List.copyOf(reservations);
    }

    public Change at(long millis) {
        return new Change(eventId, sequence, availability, tally, reservations, millis);
    }
}
