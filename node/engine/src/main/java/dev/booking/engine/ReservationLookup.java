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
    private final BoxOffice boxOffice;
    private final Intake intake;

    public ReservationLookup(BoxOffice boxOffice, Intake intake) {
        this.boxOffice = boxOffice;
        this.intake = intake;
    }

    /**
     * The reservation as decided, else as waiting; empty if neither knows it. A request the intake no
     * longer holds may have been decided between the two reads, so the ledger is read once more then.
     */
    public CompletableFuture<Optional<Reservation>> find(EventId eventId, ReservationId reservationId) {
        return boxOffice.reservation(eventId, reservationId).thenCompose(decided -> decided.isPresent()
                ? CompletableFuture.completedFuture(decided)
                : intake.waiting(eventId, reservationId).thenCompose(waiting -> waiting.isPresent()
                        ? CompletableFuture.completedFuture(waiting)
                        : boxOffice.reservation(eventId, reservationId)));
    }
}
