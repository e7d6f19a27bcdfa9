package dev.booking.engine;

import dev.booking.domain.Change;
import dev.booking.domain.EventId;
import dev.booking.domain.Reservation;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.booking.domain.Sales.CONCERT;
import static dev.booking.domain.Sales.concert;
import static dev.booking.domain.Sales.request;
import static org.assertj.core.api.Assertions.assertThat;

/** An event's truth read share by share holds what the whole read holds, each reservation once. */
class EventInSharesTest {
    private final BookingCluster cluster = BookingCluster.of(1);
    private final BoxOffice boxOffice = new BoxOffice(cluster.member(0));

    @AfterEach
    void shutdown() {
        cluster.close();
    }

    @Test
    void the_shares_of_an_event_together_hold_every_reservation_once() {
        boxOffice.define(concert(100, 0)).join();
        for (int i = 0; i < 40; i++) {
            boxOffice.reserve(request("r" + i, "floor", 1 + i % 4)).join();
        }
        Change whole = boxOffice.wholeEvent(CONCERT).join().orElseThrow();

        List<Change> shares = boxOffice.eventInShares(CONCERT, 7).join();

        assertThat(shares).hasSize(6).allSatisfy(share -> {
            assertThat(share.eventId()).isEqualTo(CONCERT);
            assertThat(share.sequence()).isEqualTo(whole.sequence());
            assertThat(share.tally()).isEqualTo(whole.tally());
        });
        List<Reservation> union = shares.stream().flatMap(share -> share.reservations().stream()).toList();
        assertThat(union).hasSize(40).containsExactlyInAnyOrderElementsOf(whole.reservations());
        assertThat(boxOffice.eventInShares(CONCERT, 1_000).join()).singleElement()
                .satisfies(share -> assertThat(share.reservations()).hasSize(40));
        assertThat(boxOffice.eventInShares(EventId.of("nothing"), 7).join()).isEmpty();
    }
}
