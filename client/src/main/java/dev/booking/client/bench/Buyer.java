package dev.booking.client.bench;

import dev.booking.client.bench.Answer.Verdict;
import dev.booking.domain.CustomerId;
import dev.booking.domain.EventId;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;

import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;

/**
 * One client thread in a closed loop: ask for seats, wait for the answer, ask again. Now and then it
 * sends one of its earlier requests again, unchanged, and checks that the answer is the one it got
 * then. It stops when the run is over or when it has been rejected often enough in a row to believe
 * the sale is over.
 */
final class Buyer implements Runnable {
    /** How far back a replay reaches: a redelivery comes soon after the original, not hours later. */
    private static final int REMEMBERED = 256;

    private final int number;
    private final Sale sale;
    private final BenchOptions options;
    private final BookingPath.Till till;
    private final LiveSale live;
    private final CountDownLatch start;
    private final SplittableRandom random;
    private final PastRequests past = new PastRequests(REMEMBERED);
    private final BuyerTally tally = new BuyerTally();
    private long sequence;
    private int rejectionsInARow;

    Buyer(int number, Sale sale, BenchOptions options, BookingPath.Till till, LiveSale live, CountDownLatch start,
          long seed) {
        this.number = number;
        this.sale = sale;
        this.options = options;
        this.till = till;
        this.live = live;
        this.start = start;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void run() {
        try {
            start.await();
            while (!live.isOver() && !believesSoldOut()) {
                if (!past.isEmpty() && random.nextDouble() < options.replayRatio) {
                    sendAgain(past.any(random));
                } else {
                    buy(newRequest());
                }
                live.decided();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            till.close();
        }
    }

    boolean believesSoldOut() {
        return rejectionsInARow >= options.stopAfterRejections;
    }

    BuyerTally tally() {
        return tally;
    }

    private ReservationRequest newRequest() {
        EventId event = sale.events().get(random.nextInt(sale.events().size()));
        // Unique per run without coordination: the buyer's number and its own sequence.
        ReservationId id = ReservationId.of("r" + number + "-" + sequence++);
        CustomerId customer = CustomerId.of("c" + random.nextInt(options.customers));
        return new ReservationRequest(event, id, sale.category(), customer, 1 + random.nextInt(options.maxQuantity));
    }

    private void buy(ReservationRequest request) {
        Answer answer = timed(request);
        switch (answer.verdict()) {
            case CONFIRMED -> {
                tally.confirmed++;
                tally.confirmedSeats += request.quantity();
                live.sold(request.quantity());
                rejectionsInARow = 0;
            }
            case REJECTED -> {
                tally.rejected++;
                rejectionsInARow++;
            }
            case UNDECIDED -> tally.undecided(answer.problem());
        }
        if (answer.verdict() != Verdict.UNDECIDED) {
            past.remember(request, answer.verdict());
        }
    }

    /**
     * A replay says nothing about the seats left, so it neither extends nor breaks the run of
     * rejections that tells a buyer the sale is over.
     */
    private void sendAgain(PastRequests.Decided earlier) {
        Answer answer = timed(earlier.request());
        tally.replays++;
        if (answer.verdict() == earlier.verdict() && answer.replay()) {
            tally.replaysAnsweredAsBefore++;
        } else if (answer.verdict() == Verdict.UNDECIDED) {
            tally.undecided(answer.problem());
        }
    }

    private Answer timed(ReservationRequest request) {
        long sent = System.nanoTime();
        Answer answer = till.reserve(request);
        tally.latency(System.nanoTime() - sent);
        tally.requests++;
        return answer;
    }
}
