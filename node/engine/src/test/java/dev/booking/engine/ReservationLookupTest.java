package dev.booking.engine;

import dev.booking.domain.ReservationId;
import dev.booking.domain.Sales;
import dev.booking.domain.Status;
import dev.booking.domain.Reservation;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static dev.booking.domain.Sales.concert;
import static dev.booking.domain.Sales.request;
import static org.assertj.core.api.Assertions.assertThat;

class ReservationLookupTest {
    private final BookingCluster cluster = BookingCluster.of(1);
    private final BoxOffice boxOffice = new BoxOffice(cluster.member(0));
    private final Intake intake = new Intake(cluster.member(0));
    private final ReservationLookup lookup = new ReservationLookup(boxOffice, intake);

    @AfterEach
    void shutdown() {
        cluster.close();
    }

    @Test
    void finds_a_decided_reservation_a_waiting_request_and_nothing_else() {
        boxOffice.define(concert(3, 0)).join();
        boxOffice.reserve(request("decided", "floor", 2)).join();
        intake.accept(request("waiting", "floor", 1)).join();

        assertThat(lookup.find(Sales.CONCERT, ReservationId.of("decided")).join()).map(Reservation::status)
                .contains(Status.CONFIRMED);
        assertThat(lookup.find(Sales.CONCERT, ReservationId.of("waiting")).join()).map(Reservation::status)
                .contains(Status.PENDING);
        assertThat(lookup.find(Sales.CONCERT, ReservationId.of("unknown")).join()).isEmpty();
    }

    @Test
    void a_request_decided_between_the_ledger_read_and_the_intake_read_is_found_decided() {
        // the decider takes the request out of the intake and records it between the lookup's two reads
        Reservation confirmed = new Reservation(Sales.CONCERT, ReservationId.of("raced"),
                dev.booking.domain.CategoryId.of("floor"), dev.booking.domain.CustomerId.of("customer-1"), 2,
                Status.CONFIRMED, null);
        java.util.concurrent.atomic.AtomicInteger ledgerReads = new java.util.concurrent.atomic.AtomicInteger();
        ReservationLookup raced = new ReservationLookup(
                (event, id) -> CompletableFuture.completedFuture(
                        ledgerReads.incrementAndGet() == 1 ? Optional.empty() : Optional.of(confirmed)),
                (event, id) -> CompletableFuture.completedFuture(Optional.empty()));

        assertThat(raced.find(Sales.CONCERT, ReservationId.of("raced")).join()).contains(confirmed);
        assertThat(ledgerReads).hasValue(2);
    }
}
