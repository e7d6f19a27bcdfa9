package dev.booking.client.bench;

import java.util.List;

/**
 * The checks of a run. The seats are read back after every buyer has stopped, so nothing is in
 * flight: what the buyers were told must add up to what the cluster counts.
 */
final class Checks {
    private Checks() {
    }

    static List<Check> of(Sale sale, BuyerTally tally, Stock stock) {
        long capacity = sale.totalSeats();
        return List.of(
                new Check("confirmed seats <= capacity", stock.confirmed() <= capacity && tally.confirmedSeats <= capacity,
                        String.format("%,d confirmed (read back), %,d told CONFIRMED, capacity %,d",
                                stock.confirmed(), tally.confirmedSeats, capacity)),
                new Check("confirmed + remaining == capacity", stock.confirmed() + stock.available() == capacity
                        && stock.capacity() == capacity,
                        String.format("%,d + %,d = %,d (capacity read back %,d, expected %,d)", stock.confirmed(),
                                stock.available(), stock.confirmed() + stock.available(), stock.capacity(), capacity)),
                new Check("every replay returned its original decision", tally.replaysAnsweredOtherwise() == 0,
                        String.format("%,d of %,d replays answered as before", tally.replaysAnsweredAsBefore,
                                tally.replays)),
                new Check("seats told CONFIRMED == confirmed seats read back", tally.confirmedSeats == stock.confirmed(),
                        String.format("%,d told, %,d read back", tally.confirmedSeats, stock.confirmed())),
                new Check("every request was decided", tally.undecided == 0,
                        tally.undecided == 0 ? "all decided"
                                : String.format("%,d undecided, first: %s", tally.undecided, tally.firstProblem)));
    }
}
