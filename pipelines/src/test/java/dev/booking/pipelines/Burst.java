package dev.booking.pipelines;

import dev.booking.domain.CategoryId;
import dev.booking.domain.CustomerId;
import dev.booking.domain.Decision;
import dev.booking.domain.EventId;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.engine.BoxOffice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Buyers in parallel over several events: new requests, replays of earlier ones (a retrying client),
 * and cancellations (some sent twice) of what they got. A failed call is sent again, as the contract
 * says a client should.
 */
final class Burst {
    final AtomicInteger decided = new AtomicInteger();
    final AtomicInteger cancelled = new AtomicInteger();
    final AtomicInteger failedCalls = new AtomicInteger();
    private final BoxOffice desk;
    private final List<EventId> events;
    private final List<CategoryId> categories;
    private final int customers;

    Burst(BoxOffice desk, List<EventId> events, List<CategoryId> categories, int customers) {
        this.desk = desk;
        this.events = List.copyOf(events);
        this.categories = List.copyOf(categories);
        this.customers = customers;
    }

    void run(int buyers, int requestsEach, Duration timeout) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        List<Future<Void>> running = new ArrayList<>();
        for (int b = 0; b < buyers; b++) {
            int buyer = b;
            running.add(pool.submit((Callable<Void>) () -> {
                buy(buyer, requestsEach);
                return null;
            }));
        }
        pool.shutdown();
        if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            throw new AssertionError("the burst did not finish within " + timeout);
        }
        for (Future<Void> buyer : running) {
            buyer.get();
        }
    }

    private void buy(int buyer, int requests) {
        Random random = new Random(buyer);
        List<ReservationRequest> mine = new ArrayList<>();
        for (int n = 0; n < requests; n++) {
            boolean replay = !mine.isEmpty() && random.nextInt(6) == 0;
            ReservationRequest request = replay ? mine.get(random.nextInt(mine.size()))
                    : new ReservationRequest(events.get(random.nextInt(events.size())), ReservationId.of("b" + buyer + "-" + n),
                    categories.get(random.nextInt(categories.size())), CustomerId.of("customer-" + random.nextInt(customers)),
                    1 + random.nextInt(4));
            mine.add(request);
            Decision decision = withRetries(() -> desk.reserve(request).get(30, TimeUnit.SECONDS));
            decided.incrementAndGet();
            if (decision instanceof Decision.Confirmed && random.nextInt(5) == 0) {
                for (int times = 1 + random.nextInt(2); times > 0; times--) {
                    withRetries(() -> desk.cancel(request.eventId(), request.reservationId()).get(30, TimeUnit.SECONDS));
                }
                cancelled.incrementAndGet();
            }
        }
    }

    private <T> T withRetries(Callable<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (Exception e) {
                failedCalls.incrementAndGet();
                if (attempt == 5) {
                    throw new AssertionError("a call failed five times", e);
                }
            }
        }
    }
}
