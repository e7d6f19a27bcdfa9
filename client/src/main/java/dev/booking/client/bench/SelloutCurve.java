package dev.booking.client.bench;

import java.util.OptionalDouble;
import java.util.concurrent.atomic.LongAdder;

/**
 * When the first 10 %, 90 % and 100 % of the stock were sold, and how many requests had been decided
 * by then: the decision rate over the first and the last tenth of the stock shows whether a decision
 * gets slower as an event fills.
 */
final class SelloutCurve {
    private record Mark(long nanos, long decided) {
    }

    private final long firstTenth;
    private final long lastTenthStarts;
    private final long total;
    private volatile long startNanos;
    private volatile Mark firstTenthSold;
    private volatile Mark lastTenthStarted;
    private volatile Mark soldOut;

    SelloutCurve(long totalSeats) {
        this.total = totalSeats;
        this.firstTenth = Math.max(1, totalSeats / 10);
        this.lastTenthStarts = totalSeats - totalSeats / 10;
    }

    void start(long nanos) {
        startNanos = nanos;
    }

    /** Called with the seats sold before and after one confirmation; marks each threshold it crossed. */
    void passed(long before, long after, LongAdder decided) {
        if (before < firstTenth && after >= firstTenth) {
            firstTenthSold = mark(decided);
        }
        if (before < lastTenthStarts && after >= lastTenthStarts) {
            lastTenthStarted = mark(decided);
        }
        if (before < total && after >= total) {
            soldOut = mark(decided);
        }
    }

    private static Mark mark(LongAdder decided) {
        return new Mark(System.nanoTime(), decided.sum());
    }

    OptionalDouble firstTenthRate() {
        Mark end = firstTenthSold;
        return end == null ? OptionalDouble.empty() : OptionalDouble.of(rate(new Mark(startNanos, 0), end));
    }

    /** Empty unless the stock sold out within the run. */
    OptionalDouble lastTenthRate() {
        Mark from = lastTenthStarted;
        Mark to = soldOut;
        return from == null || to == null ? OptionalDouble.empty() : OptionalDouble.of(rate(from, to));
    }

    OptionalDouble ratio() {
        OptionalDouble first = firstTenthRate();
        OptionalDouble last = lastTenthRate();
        return first.isPresent() && last.isPresent() && first.getAsDouble() > 0
                ? OptionalDouble.of(last.getAsDouble() / first.getAsDouble()) : OptionalDouble.empty();
    }

    private static double rate(Mark from, Mark to) {
        long nanos = Math.max(1, to.nanos - from.nanos);
        return (to.decided - from.decided) * 1e9 / nanos;
    }
}
