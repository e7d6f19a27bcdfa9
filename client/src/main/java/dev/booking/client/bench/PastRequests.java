package dev.booking.client.bench;

import dev.booking.client.bench.Answer.Verdict;
import dev.booking.domain.ReservationRequest;

import java.util.SplittableRandom;

/**
 * The latest decided requests of one buyer with the verdict each got, so that the buyer can send one
 * again, as a queue or a retrying client would redeliver it, and check that the answer did not change.
 */
final class PastRequests {
    record Decided(ReservationRequest request, Verdict verdict) {
    }

    private final Decided[] ring;
    private int next;
    private int size;

    PastRequests(int capacity) {
        this.ring = new Decided[capacity];
    }

    void remember(ReservationRequest request, Verdict verdict) {
        ring[next] = new Decided(request, verdict);
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    boolean isEmpty() {
        return size == 0;
    }

    Decided any(SplittableRandom random) {
        return ring[random.nextInt(size)];
    }
}
