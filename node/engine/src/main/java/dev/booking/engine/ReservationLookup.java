package dev.booking.engine;

import dev.booking.domain.EventId;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where a reservation stands, on either path: as decided (the ledger), or PENDING while its request
 * waits in the intake. The one place that reads both, for the REST API and the Java client alike.
 */
public final class ReservationLookup {
    /** Reads one source of reservations: the ledger, or the intake. */
    interface Source {
        CompletableFuture<Optional<Reservation>> find(EventId eventId, ReservationId reservationId);
    }

    private final Source decided;
    private final Source waiting;

    public ReservationLookup(BoxOffice boxOffice, Intake intake) {
        this(boxOffice::reservation, intake::waiting);
    }

    ReservationLookup(Source decided, Source waiting) {
        this.decided = decided;
        this.waiting = waiting;
    }

    /**
     * The reservation as decided, else as waiting; empty if neither knows it. A request the intake no
     * longer holds may have been decided between the two reads, so the ledger is read once more then.
     */
    public CompletableFuture<Optional<Reservation>> find(EventId eventId, ReservationId reservationId) {
        return decided.find(eventId, reservationId).thenCompose(first -> first.isPresent()
                ? CompletableFuture.completedFuture(first)
                : waiting.find(eventId, reservationId).thenCompose(queued -> queued.isPresent()
                        ? CompletableFuture.completedFuture(queued)
                        : decided.find(eventId, reservationId)));
    }
}
