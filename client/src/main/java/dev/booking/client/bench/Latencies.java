package dev.booking.client.bench;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The latencies of a yardstick's closed loop ({@link BareDesign}, {@link RedisYardstick}): one histogram
 * per buyer thread, since a histogram is not safe to share, merged once the buyers are done.
 */
final class Latencies {
    private static final long LONGEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final List<Histogram> perBuyer = new ArrayList<>();

    /** A histogram for a buyer about to start. */
    Histogram newBuyer() {
        Histogram histogram = new Histogram(1_000, LONGEST_NANOS, 3);
        perBuyer.add(histogram);
        return histogram;
    }

    static void record(Histogram buyer, long nanos) {
        buyer.recordValue(Math.min(nanos, LONGEST_NANOS));
    }

    /** Every buyer's latencies together. */
    Merged merged() {
        Histogram all = new Histogram(1_000, LONGEST_NANOS, 3);
        perBuyer.forEach(all::add);
        return new Merged(all);
    }

    /** The merged latencies, in nanoseconds. */
    record Merged(Histogram histogram) {
        double millis(double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1e6;
        }
    }
}
