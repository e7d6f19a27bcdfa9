package dev.booking.client.bench;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Once a second on stderr: elapsed time, decisions in the last second, seats confirmed so far. */
final class ProgressLine implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private final LiveSale live;
    private final long totalSeats;
    private final PrintStream err;
    private final long startNanos;
    private long lastDecided;

    private ProgressLine(LiveSale live, long totalSeats, PrintStream err) {
        this.live = live;
        this.totalSeats = totalSeats;
        this.err = err;
        this.startNanos = System.nanoTime();
    }

    static ProgressLine start(LiveSale live, long totalSeats, PrintStream err) {
        ProgressLine line = new ProgressLine(live, totalSeats, err);
        line.timer.scheduleAtFixedRate(line::print, 1, 1, TimeUnit.SECONDS);
        return line;
    }

    private void print() {
        long decided = live.decidedSoFar();
        long sold = live.seatsSoldSoFar();
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        err.printf("%6.1f s  %,10d decisions/s  %,12d of %,d seats confirmed (%.1f %%)%n",
                elapsed, decided - lastDecided, sold, totalSeats, 100.0 * sold / totalSeats);
        lastDecided = decided;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
