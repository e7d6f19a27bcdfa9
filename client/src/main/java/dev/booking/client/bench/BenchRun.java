package dev.booking.client.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One run: put the sale on, let the buyers loose until it sells out or time is up, read the seats back. */
final class BenchRun {
    private final BenchOptions options;
    private final BookingPath path;
    private final PrintStream err;

    BenchRun(BenchOptions options, BookingPath path, PrintStream err) {
        this.options = options;
        this.path = path;
        this.err = err;
    }

    RunResult run() throws InterruptedException {
        if (options.warmupSeconds > 0) {
            Sale warmup = options.workload.sale(options, options.eventPrefix + "-warmup");
            path.putOnSale(warmup);
            err.printf("booking-bench: warming up for %d s on %s (not measured)%n", options.warmupSeconds,
                    warmup.events().size() == 1 ? warmup.events().get(0) : warmup.events().size() + " events");
            sell(warmup, options.warmupSeconds, true);
        }
        Sale sale = options.workload.sale(options, options.eventPrefix);
        path.putOnSale(sale);
        Selling selling = sell(sale, options.durationSeconds, options.quiet);
        BuyerTally total = new BuyerTally();
        selling.buyers.forEach(buyer -> total.add(buyer.tally()));
        boolean soldOut = selling.buyers.stream().allMatch(Buyer::believesSoldOut);
        Stock stock = path.stock(sale, total.confirmedSeats);
        return new RunResult(options, path.target(), sale, total, stock, selling.elapsedSeconds, soldOut,
                selling.curve, Checks.of(sale, total, stock));
    }

    private record Selling(List<Buyer> buyers, SelloutCurve curve, double elapsedSeconds) {
    }

    private Selling sell(Sale sale, int seconds, boolean quiet) throws InterruptedException {
        SelloutCurve curve = new SelloutCurve(sale.totalSeats());
        LiveSale live = new LiveSale(curve);
        CountDownLatch start = new CountDownLatch(1);
        List<Buyer> buyers = new ArrayList<>(options.threads);
        List<Thread> threads = new ArrayList<>(options.threads);
        long seed = System.nanoTime();
        for (int i = 0; i < options.threads; i++) {
            // Tills (REST connections) are opened before the start, so that connecting is not measured.
            Buyer buyer = new Buyer(i, sale, options, path.till(), live, start, seed + i);
            buyers.add(buyer);
            threads.add(new Thread(buyer, "buyer-" + i));
        }
        threads.forEach(Thread::start);

        long started = System.nanoTime();
        curve.start(started);
        start.countDown();
        try (ProgressLine ignored = quiet ? null : ProgressLine.start(live, sale.totalSeats(), err)) {
            awaitUntil(threads, started + TimeUnit.SECONDS.toNanos(seconds));
            live.end();
            for (Thread thread : threads) {
                thread.join();
            }
        }
        return new Selling(buyers, curve, (System.nanoTime() - started) / 1e9);
    }

    private static void awaitUntil(List<Thread> threads, long deadlineNanos) throws InterruptedException {
        for (Thread thread : threads) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
    }
}
