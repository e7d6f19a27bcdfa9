package dev.booking.client.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The sale as it happens, shared by all buyers: requests decided and seats sold so far, and whether the
 * run is over. Buyers touch it once per request, so it is a few lock-free counters.
 */
final class LiveSale {
    private final LongAdder decided = new LongAdder();
    private final AtomicLong seatsSold = new AtomicLong();
    private final SelloutCurve curve;
    private volatile boolean over;

    LiveSale(SelloutCurve curve) {
        this.curve = curve;
    }

    void decided() {
        decided.increment();
    }

    /** Counts the seats of a fresh confirmation (a replay sells nothing). */
    void sold(int seats) {
        long after = seatsSold.addAndGet(seats);
        curve.passed(after - seats, after, decided);
    }

    long decidedSoFar() {
        return decided.sum();
    }

    long seatsSoldSoFar() {
        return seatsSold.get();
    }

    void end() {
        over = true;
    }

    boolean isOver() {
        return over;
    }
}
