package dev.booking.engine;

import dev.booking.domain.ReservationId;
import dev.booking.domain.Sales;
import dev.booking.domain.Status;
import dev.booking.domain.Reservation;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
}
