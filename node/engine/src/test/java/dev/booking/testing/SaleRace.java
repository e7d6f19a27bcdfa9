package dev.booking.testing;

import dev.booking.domain.CategoryId;
import dev.booking.domain.CustomerId;
import dev.booking.domain.Decision;
import dev.booking.domain.EventId;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Many buyers racing for the seats of one category, as at an on-sale: each thread sends new requests
 * in a closed loop, replays some of its earlier ones (as a retrying client or a redelivering queue
 * would), and stops after a run of rejections. It records every answer a buyer received, so a test can
 * check them against what the engine holds afterwards.
 */
public final class SaleRace {
    private final EventId event;
    private final CategoryId category;
    private final int threads;
    private final double replayRatio;
    private final int maxQuantity;
    private final Function<Integer, Function<ReservationRequest, CompletableFuture<Decision>>> desks;

    /** The first answer each reservation got (only answers a buyer actually received). */
    public final Map<ReservationId, Decision> answers = new ConcurrentHashMap<>();
    /** Every request that was sent, answered or not. */
    public final Map<ReservationId, ReservationRequest> sent = new ConcurrentHashMap<>();
    public final List<String> replayMismatches = java.util.Collections.synchronizedList(new ArrayList<>());
    public final AtomicInteger confirmedSeats = new AtomicInteger();
    public final AtomicInteger replays = new AtomicInteger();
    public final AtomicInteger failedCalls = new AtomicInteger();

    /**
     * @param desks for thread i, the function that sends a request and returns the decision
     */
    public SaleRace(EventId event, CategoryId category, int threads, double replayRatio, int maxQuantity,
                    Function<Integer, Function<ReservationRequest, CompletableFuture<Decision>>> desks) {
        this.event = event;
        this.category = category;
        this.threads = threads;
        this.replayRatio = replayRatio;
        this.maxQuantity = maxQuantity;
        this.desks = desks;
    }

    /** Runs until every buyer saw {@code rejectionsToStop} rejections in a row. */
    public SaleRace run(int rejectionsToStop, Duration timeout) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> buyers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int buyer = t;
            buyers.add(pool.submit(() -> {
                start.await();
                buy(buyer, rejectionsToStop);
                return null;
            }));
        }
        start.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            throw new AssertionError("the sale did not finish within " + timeout);
        }
        for (var b : buyers) {
            try {
                b.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("a buyer failed", e.getCause());
            }
        }
        return this;
    }

    private void buy(int buyer, int rejectionsToStop) {
        Random random = new Random(buyer);
        var desk = desks.apply(buyer);
        List<ReservationRequest> mine = new ArrayList<>();
        int rejectionsInARow = 0;
        int n = 0;
        while (rejectionsInARow < rejectionsToStop) {
            boolean replay = !mine.isEmpty() && random.nextDouble() < replayRatio;
            ReservationRequest request = replay ? mine.get(random.nextInt(mine.size()))
                    : new ReservationRequest(event, ReservationId.of("b" + buyer + "-" + n++), category,
                    CustomerId.of("customer-" + random.nextInt(1000)), 1 + random.nextInt(maxQuantity));
            sent.put(request.reservationId(), request);
            Decision decision = callWithRetries(desk, request);
            if (decision == null) {
                continue;
            }
            if (replay) {
                replays.incrementAndGet();
                checkReplay(request, decision);
                continue;
            }
            mine.add(request);
            Decision first = answers.putIfAbsent(request.reservationId(), decision);
            if (first != null) {
                checkReplay(request, decision);
            } else if (decision instanceof Decision.Confirmed c) {
                confirmedSeats.addAndGet(c.reservation().quantity());
                rejectionsInARow = 0;
            } else if (decision instanceof Decision.Rejected) {
                rejectionsInARow++;
            } else {
                throw new AssertionError("unexpected decision " + decision);
            }
        }
    }

    /** A buyer whose call failed sends the same request again, as the contract says it should. */
    private Decision callWithRetries(Function<ReservationRequest, CompletableFuture<Decision>> desk, ReservationRequest request) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return desk.apply(request).get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                failedCalls.incrementAndGet();
            }
        }
        return null;
    }

    private void checkReplay(ReservationRequest request, Decision replayed) {
        Decision original = answers.get(request.reservationId());
        if (original == null) {
            answers.putIfAbsent(request.reservationId(), replayed);
            return;
        }
        boolean sameOutcome = original instanceof Decision.Confirmed
                ? replayed instanceof Decision.Confirmed : replayed instanceof Decision.Rejected;
        if (!sameOutcome) {
            replayMismatches.add(request.reservationId() + ": first " + original + ", then " + replayed);
        }
    }
}
