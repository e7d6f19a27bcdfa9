package dev.booking.client.bench;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/** One buyer's figures, kept without synchronisation by its own thread and merged after the run. */
final class BuyerTally {
    private static final long LONGEST_NANOS = TimeUnit.MINUTES.toNanos(2);

    // Microsecond resolution is plenty for round trips of tens of microseconds and up, and keeps each
    // histogram small (64 of them live at once).
    final Histogram latency = new Histogram(1_000, LONGEST_NANOS, 3);
    long requests;
    long confirmed;
    long confirmedSeats;
    long rejected;
    long replays;
    long replaysAnsweredAsBefore;
    long undecided;
    String firstProblem;

    void latency(long nanos) {
        latency.recordValue(Math.min(Math.max(nanos, 1_000), LONGEST_NANOS));
    }

    void undecided(String problem) {
        undecided++;
        if (firstProblem == null) {
            firstProblem = problem;
        }
    }

    long replaysAnsweredOtherwise() {
        return replays - replaysAnsweredAsBefore;
    }

    void add(BuyerTally other) {
        latency.add(other.latency);
        requests += other.requests;
        confirmed += other.confirmed;
        confirmedSeats += other.confirmedSeats;
        rejected += other.rejected;
        replays += other.replays;
        replaysAnsweredAsBefore += other.replaysAnsweredAsBefore;
        undecided += other.undecided;
        if (firstProblem == null) {
            firstProblem = other.firstProblem;
        }
    }
}
