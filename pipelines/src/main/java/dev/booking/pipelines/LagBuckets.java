package dev.booking.pipelines;

import java.util.Arrays;
import java.util.List;

/**
 * The fixed buckets of the lag histogram, in milliseconds: about 25 % wide, from 1 ms to 10 min, and one
 * open bucket above. Fixed buckets make the histograms of all members add up exactly.
 */
final class LagBuckets {
    /** Inclusive upper bound of each bucket but the last, which is open. */
    static final long[] UPPER_BOUNDS = {
            0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120, 150, 200, 250, 300, 400,
            500, 600, 800, 1_000, 1_200, 1_500, 2_000, 2_500, 3_000, 4_000, 5_000, 6_000, 8_000, 10_000,
            15_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000};
    static final int COUNT = UPPER_BOUNDS.length + 1;

    private LagBuckets() {
    }

    static int indexOf(long lagMillis) {
        int found = Arrays.binarySearch(UPPER_BOUNDS, Math.max(0, lagMillis));
        return found >= 0 ? found : -found - 1;
    }

    /**
     * The upper bound of the bucket that holds the {@code quantile} (0..1) of the samples, so the true
     * value is at most this; {@code maxMillis} for the open bucket and 0 when there is no sample.
     */
    static long quantile(List<Long> counts, double quantile, long maxMillis) {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < counts.size(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return i < UPPER_BOUNDS.length ? Math.min(UPPER_BOUNDS[i], maxMillis) : maxMillis;
            }
        }
        return maxMillis;
    }
}
