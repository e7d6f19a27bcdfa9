package dev.booking.engine;

import dev.booking.domain.CategoryId;
import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.Decision;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.EventAvailability;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationRequest;
import dev.booking.domain.Sales;
import dev.booking.testing.BookingCluster;
import dev.booking.testing.SaleRace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.booking.domain.Sales.concert;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 3 members, 1,000 seats, buyers racing with replays and retries: the engine sells exactly what exists,
 * no more, and decides each reservation once.
 */
class RacingForTheLastSeatsTest {
    static final CategoryId FLOOR = CategoryId.of("floor");
    private BookingCluster cluster;
    private List<BoxOffice> desks;

    @BeforeEach
    void cluster() {
        cluster = BookingCluster.of(3);
        desks = cluster.members().stream().map(BoxOffice::new).toList();
        desks.get(0).define(concert(1000, 0)).join();
    }

    @AfterEach
    void shutdown() {
        cluster.close();
    }

    @Test
    void one_seat_requests_sell_exactly_the_capacity_and_replays_keep_their_answer() throws Exception {
        SaleRace race = new SaleRace(Sales.CONCERT, FLOOR, 32, 0.10, 1,
                buyer -> desks.get(buyer % 3)::reserve).run(20, Duration.ofMinutes(2));

        assertThat(race.confirmedSeats.get()).isEqualTo(1000);
        assertThat(race.replays.get()).isPositive();
        assertThat(race.replayMismatches).isEmpty();
        assertTheEngineHoldsWhatBuyersWereTold(race);
    }

    @Test
    void one_to_four_seat_requests_never_sell_more_than_the_capacity() throws Exception {
        SaleRace race = new SaleRace(Sales.CONCERT, FLOOR, 32, 0.10, 4,
                buyer -> buyer % 2 == 0 ? desks.get(buyer % 3)::reserve : desks.get(buyer % 3)::reserveAlone)
                .run(20, Duration.ofMinutes(2));

        assertThat(race.confirmedSeats.get()).isLessThanOrEqualTo(1000).isGreaterThan(990);
        assertThat(race.replayMismatches).isEmpty();
        assertTheEngineHoldsWhatBuyersWereTold(race);
    }

    /**
     * A client that times out and retries while its first call is still in flight, or a queue that
     * redelivers at once: the same request reaches the event through every member at the same moment,
     * so its copies travel in different batches (each member coalesces its own; copies in one batch are
     * {@code ReserveSeatsTest}'s). Each reservation is decided once: one copy gets the first decision,
     * the others its replay, and all three the same answer.
     */
    @Test
    void a_request_sent_through_every_member_at_once_is_decided_once_and_answered_alike() {
        int requests = 1500;
        List<List<CompletableFuture<Decision>>> copies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            ReservationRequest request = Sales.request("twice-" + i, "floor", 1);
            copies.add(desks.stream().map(desk -> desk.reserve(request)).toList());
        }

        int confirmed = 0;
        for (List<CompletableFuture<Decision>> answers : copies) {
            List<Decision> decisions = answers.stream()
                    .map(answer -> answer.orTimeout(60, TimeUnit.SECONDS).join()).toList();
            assertThat(decisions.stream().filter(d -> Refusals.newlyDecided(d).isPresent()).count())
                    .as("first decisions of one request").isEqualTo(1);
            assertThat(decisions.stream().map(d -> Refusals.decidedReservation(d)
                    .orElseThrow(() -> new AssertionError("neither confirmed nor rejected: " + d))).distinct()).hasSize(1);
            confirmed += decisions.get(0) instanceof Decision.Confirmed ? 1 : 0;
        }
        assertThat(confirmed).isEqualTo(1000);
        EventAvailability.CategoryAvailability floor = desks.get(2).availability(Sales.CONCERT).join().orElseThrow()
                .categories().get(0);
        assertThat(floor.confirmed()).isEqualTo(1000);
    }

    /**
     * Buyers of eight events share the members' lanes, so their requests travel in batches that span
     * several events (one call on several keys): each event still sells exactly its seats.
     */
    @Test
    void many_events_whose_requests_share_batches_each_sell_exactly_their_capacity() throws Exception {
        List<EventId> events = IntStream.range(0, 8).mapToObj(i -> EventId.of("gig-" + i)).toList();
        for (EventId event : events) {
            desks.get(0).define(new EventDefinition(event, "Gig", null,
                    List.of(new CategoryDefinition(FLOOR, 150)))).join();
        }
        ExecutorService sales = Executors.newFixedThreadPool(events.size());
        try {
            List<Future<SaleRace>> races = new ArrayList<>();
            for (EventId event : events) {
                races.add(sales.submit(() -> new SaleRace(event, FLOOR, 6, 0.10, 1,
                        buyer -> desks.get(buyer % 3)::reserve).run(20, Duration.ofMinutes(2))));
            }
            for (Future<SaleRace> race : races) {
                SaleRace finished = race.get();
                assertThat(finished.confirmedSeats.get()).isEqualTo(150);
                assertThat(finished.replayMismatches).isEmpty();
                assertTheEngineHoldsWhatBuyersWereTold(finished, desks.get(1), 150);
            }
        } finally {
            sales.shutdownNow();
        }
    }

    private void assertTheEngineHoldsWhatBuyersWereTold(SaleRace race) {
        assertTheEngineHoldsWhatBuyersWereTold(race, desks.get(0), 1000);
    }

    static void assertTheEngineHoldsWhatBuyersWereTold(SaleRace race, BoxOffice desk, int capacity) {
        int confirmedInLedger = 0;
        for (var request : race.sent.values()) {
            Reservation held = desk.reservation(request.eventId(), request.reservationId()).join().orElse(null);
            Decision told = race.answers.get(request.reservationId());
            if (told instanceof Decision.Confirmed) {
                assertThat(held).as("confirmed " + request.reservationId()).isNotNull();
                assertThat(held.isConfirmed()).as("still confirmed: " + request.reservationId()).isTrue();
            }
            if (told instanceof Decision.Rejected) {
                assertThat(held.isConfirmed()).as("still rejected: " + request.reservationId()).isFalse();
            }
            if (held != null && held.isConfirmed()) {
                confirmedInLedger += held.quantity();
            }
        }
        EventAvailability event = desk.availability(race.sent.values().iterator().next().eventId()).join().orElseThrow();
        var floor = event.categories().get(0);
        assertThat(floor.confirmed()).as("counter equals the ledger").isEqualTo(confirmedInLedger);
        assertThat(floor.confirmed()).isLessThanOrEqualTo(capacity);
        assertThat(floor.confirmed() + floor.available()).isEqualTo(capacity);
        assertThat(race.confirmedSeats.get()).as("buyers were told no more than the ledger holds")
                .isLessThanOrEqualTo(confirmedInLedger);
    }

}
